package dev.drsorchestrator.aws;

import dev.drsorchestrator.contracts.routing.Service;
import dev.drsorchestrator.kit.dynamo.TableDefinition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The environment a service runs with in AWS: every configuration property its {@code %prod} profile requires,
 * as environment variables. The services stack sets exactly these on each container; {@code ProdProfileIT} starts a
 * packaged service with them against devstack.
 */
public final class ServiceEnvironment {

    /** What the environment needs besides names: values that exist only once other resources do. */
    public record Wiring(
            String region,
            String issuer,
            List<String> clientIds,
            String scheduleRoleArn,
            String notificationsTopicArn,
            String publicUrl,
            List<DrsAccount> drsAccounts) {

        public Wiring {
            clientIds = List.copyOf(clientIds);
            drsAccounts = List.copyOf(drsAccounts);
        }
    }

    /** An account and Region drs-adapter works in; a role (and ExternalId) for any account but its own. */
    public record DrsAccount(
            String accountId,
            String region,
            @Nullable String roleArn,
            @Nullable String externalId) {}

    private ServiceEnvironment() {}

    /** The configuration properties, by name, that the service gets in this deployment. */
    public static Map<String, String> properties(Service service, Deployment deployment, Wiring wiring) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("kit.bus-name", deployment.busName());
        p.put("kit.rule-prefix", deployment.rulePrefix());
        p.put("kit.inbox.queue", deployment.inboxQueue(service));
        p.put("kit.aws.region", wiring.region());
        p.put("kit.auth.issuer", wiring.issuer());
        p.put("kit.auth.client-ids", String.join(",", wiring.clientIds()));
        // The service's own metrics, for the dashboard and alarms.
        p.put("kit.metrics.cloudwatch.namespace", ObservabilityStack.NAMESPACE);
        for (TableDefinition table : Deployment.tables(service)) {
            p.put(table.property(), deployment.tableName(table));
        }
        switch (service) {
            case PLAN -> {
                p.put("plan.scheduler.group", deployment.scheduleGroup());
                p.put("plan.scheduler.role-arn", wiring.scheduleRoleArn());
            }
            case NOTIFIER -> {
                p.put("notifier.default-topic-arn", wiring.notificationsTopicArn());
                p.put("notifier.execution-service-url", wiring.publicUrl() + Deployment.apiPath(Service.EXECUTION));
            }
            case DRS_ADAPTER -> {
                for (int i = 0; i < wiring.drsAccounts().size(); i++) {
                    DrsAccount account = wiring.drsAccounts().get(i);
                    String at = "drs.accounts[" + i + "].";
                    p.put(at + "account-id", account.accountId());
                    p.put(at + "region", account.region());
                    if (account.roleArn() != null) {
                        p.put(at + "role-arn", account.roleArn());
                    }
                    if (account.externalId() != null) {
                        p.put(at + "external-id", account.externalId());
                    }
                }
            }
            default -> {
                // catalog and execution need names only
            }
        }
        return p;
    }

    /** The same, as environment variables. */
    public static Map<String, String> variables(Service service, Deployment deployment, Wiring wiring) {
        return variables(service, deployment, wiring, false);
    }

    /** {@link #variables(Service, Deployment, Wiring)}, and with {@code tracing} where the spans go. */
    public static Map<String, String> variables(
            Service service, Deployment deployment, Wiring wiring, boolean tracing) {
        Map<String, String> env = new LinkedHashMap<>();
        // The AWS SDK's own region setting, for the clients the kit does not configure.
        env.put("AWS_REGION", wiring.region());
        properties(service, deployment, wiring).forEach((name, value) -> env.put(variable(name), value));
        if (tracing) {
            // The collector beside the service in its task (ServiceParts.collector): OTLP over HTTP on localhost.
            env.put(variable("kit.tracing.otlp-endpoint"), ServiceParts.COLLECTOR_OTLP);
        }
        return env;
    }

    /**
     * The environment variable that sets a property (MicroProfile Config's rule: every character that is not a
     * letter or digit becomes {@code _}, then upper case): {@code drs.accounts[0].account-id} is {@code
     * DRS_ACCOUNTS_0__ACCOUNT_ID}.
     */
    public static String variable(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }
}
