package dev.drsorchestrator.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drsorchestrator.aws.ServiceEnvironment.DrsAccount;
import dev.drsorchestrator.aws.ServiceEnvironment.Wiring;
import dev.drsorchestrator.contracts.routing.Service;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The environment the stack gives each service is exactly what its {@code %prod} profile asks for. */
class ServiceEnvironmentTest {

    private static final Pattern REQUIRED = Pattern.compile("\\$\\{([A-Z0-9_]+)}");

    private final Deployment deployment = new Deployment("dr1");
    private final Wiring wiring = new Wiring(
            "eu-west-1",
            "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Abc",
            List.of("console-id", "machines-id"),
            "arn:aws:iam::123456789012:role/schedules",
            "arn:aws:sns:eu-west-1:123456789012:dr1-notifications",
            "https://dr.example.com",
            List.of(
                    new DrsAccount("123456789012", "eu-west-1", null, null),
                    new DrsAccount("111111111111", "eu-west-1", "arn:aws:iam::111111111111:role/m", "ext")));

    @Test
    void everyVariableAServicesProdProfileRequiresIsSetToThePropertyItNames() throws IOException {
        for (Service service : Service.values()) {
            Map<String, String> env = ServiceEnvironment.variables(service, deployment, wiring);
            Map<String, String> prod = prodProfile(service);
            assertThat(prod).as(service + " has a %prod profile").isNotEmpty();
            prod.forEach((property, variable) -> {
                assertThat(variable)
                        .as(service + ": %prod." + property + " reads the variable named after the property")
                        .isEqualTo(ServiceEnvironment.variable(property));
                assertThat(env).as(service + " gets " + variable).containsKey(variable);
            });
        }
    }

    @Test
    void namesAreTheDeploymentsAndEveryTableOfTheServiceIsNamed() {
        Map<String, String> env = ServiceEnvironment.variables(Service.CATALOG, deployment, wiring);
        assertThat(env)
                .containsEntry("KIT_INBOX_QUEUE", "dr1-catalog-service-events")
                .containsEntry("KIT_BUS_NAME", "dr1")
                .containsEntry("KIT_OUTBOX_TABLE", "dr1-catalog-service-outbox")
                .containsEntry("CATALOG_TABLES_GROUPS", "dr1-catalog-groups")
                .containsEntry("CATALOG_TABLES_PLAN_USAGE", "dr1-catalog-plan-usage")
                .containsEntry("KIT_AUTH_CLIENT_IDS", "console-id,machines-id")
                .containsEntry("AWS_REGION", "eu-west-1");
        for (Service service : Service.values()) {
            Map<String, String> variables = ServiceEnvironment.variables(service, deployment, wiring);
            Deployment.tables(service)
                    .forEach(t -> assertThat(variables)
                            .containsEntry(
                                    ServiceEnvironment.variable(t.property()),
                                    "dr1-" + t.spec().name()));
        }
    }

    @Test
    void drsAdapterGetsEachAccountWithItsRoleAndNotifierLinksToThePublicUrl() {
        assertThat(ServiceEnvironment.variables(Service.DRS_ADAPTER, deployment, wiring))
                .containsEntry("DRS_ACCOUNTS_0__ACCOUNT_ID", "123456789012")
                .doesNotContainKey("DRS_ACCOUNTS_0__ROLE_ARN")
                .containsEntry("DRS_ACCOUNTS_1__ROLE_ARN", "arn:aws:iam::111111111111:role/m")
                .containsEntry("DRS_ACCOUNTS_1__EXTERNAL_ID", "ext");
        assertThat(ServiceEnvironment.variables(Service.NOTIFIER, deployment, wiring))
                .containsEntry("NOTIFIER_EXECUTION_SERVICE_URL", "https://dr.example.com/api/execution-service")
                .containsEntry("NOTIFIER_DEFAULT_TOPIC_ARN", wiring.notificationsTopicArn());
    }

    @Test
    void eachServiceListensOnThePortTheEntryPointTargets() throws IOException {
        for (Service service : Service.values()) {
            Properties properties = new Properties();
            try (Reader in = Files.newBufferedReader(applicationProperties(service))) {
                properties.load(in);
            }
            assertThat(properties.getProperty("quarkus.http.port"))
                    .as(service.serviceName())
                    .isEqualTo(String.valueOf(Deployment.port(service)));
        }
    }

    /** The service's {@code %prod.<property>=${VARIABLE}} lines. */
    private static Map<String, String> prodProfile(Service service) throws IOException {
        Map<String, String> required = new LinkedHashMap<>();
        for (String line : Files.readAllLines(applicationProperties(service))) {
            if (!line.startsWith("%prod.")) {
                continue;
            }
            String property = line.substring("%prod.".length(), line.indexOf('='));
            Matcher m = REQUIRED.matcher(line.substring(line.indexOf('=') + 1));
            if (m.matches()) {
                required.put(property, m.group(1));
            }
        }
        return required;
    }

    private static Path applicationProperties(Service service) {
        return DrsOrchestratorApp.repositoryRoot(Path.of("").toAbsolutePath())
                .resolve(service.serviceName())
                .resolve("src/main/resources/application.properties");
    }
}
