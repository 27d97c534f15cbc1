package dev.drsorchestrator.aws;

import dev.drsorchestrator.catalog.adapter.out.dynamodb.CatalogTables;
import dev.drsorchestrator.contracts.routing.RoutingTable;
import dev.drsorchestrator.contracts.routing.RuleDefinition;
import dev.drsorchestrator.contracts.routing.Service;
import dev.drsorchestrator.drsadapter.adapter.out.dynamodb.DrsTables;
import dev.drsorchestrator.execution.adapter.out.dynamodb.ExecutionTables;
import dev.drsorchestrator.kit.dynamo.KitTables;
import dev.drsorchestrator.kit.dynamo.TableDefinition;
import dev.drsorchestrator.notifier.adapter.out.dynamodb.NotifierTables;
import dev.drsorchestrator.plan.adapter.out.dynamodb.PlanTables;
import java.util.ArrayList;
import java.util.List;

/**
 * What one deployment is made of, by name, without any CDK: the bus, the rules, each service's inbox and
 * dead-letter queue and each service's tables. Rules come from contracts' routing table and tables from the
 * services' own definitions (the ones their provisioner creates in dev and test), so the stacks cannot drift from
 * the code. Every name starts with the deployment's prefix, so two deployments can share an account.
 */
public record Deployment(String prefix) {

    /** The prefix of the default deployment, the same as the bus name the services use locally. */
    public static final String DEFAULT_PREFIX = RoutingTable.DEFAULT_BUS_NAME;

    /** Receive count after which a message goes to the dead-letter queue: the services' own figure. */
    public static final int MAX_RECEIVE_COUNT = Service.MAX_RECEIVE_COUNT;

    public String busName() {
        return prefix;
    }

    public String rulePrefix() {
        return prefix;
    }

    /** Every rule: the routing table's, plus the project-bus copies for DRS events forwarded by member accounts. */
    public List<RuleDefinition> rules() {
        List<RuleDefinition> rules = new ArrayList<>(RoutingTable.rules(busName(), rulePrefix()));
        rules.addAll(RoutingTable.forwardedRules(busName(), rulePrefix()));
        return List.copyOf(rules);
    }

    public String inboxQueue(Service service) {
        return prefix + "-" + service.inboxQueue();
    }

    public String deadLetterQueue(Service service) {
        return prefix + "-" + service.deadLetterQueue();
    }

    /** The service whose inbox a rule targets (rules name the inbox without the deployment's prefix). */
    public static Service consumerOf(RuleDefinition rule) {
        for (Service s : Service.values()) {
            if (s.inboxQueue().equals(rule.targetQueueName())) {
                return s;
            }
        }
        throw new IllegalArgumentException(
                "rule " + rule.name() + " targets " + rule.targetQueueName() + ", which is no service's inbox");
    }

    /** A service's tables as its code defines them (its own, then the kit's), under their default names. */
    public static List<TableDefinition> tables(Service service) {
        List<TableDefinition> tables = new ArrayList<>(
                switch (service) {
                    case CATALOG -> CatalogTables.DEFINITIONS;
                    case PLAN -> PlanTables.DEFINITIONS;
                    case EXECUTION -> ExecutionTables.DEFINITIONS;
                    case DRS_ADAPTER -> DrsTables.DEFINITIONS;
                    case NOTIFIER -> NotifierTables.DEFINITIONS;
                });
        tables.addAll(KitTables.definitions(service.serviceName()));
        return List.copyOf(tables);
    }

    /** A table's name in this deployment: the prefix, then the name the code gives it by default. */
    public String tableName(TableDefinition table) {
        return prefix + "-" + table.spec().name();
    }

    /** The EventBridge Scheduler group where plan-service keeps drill schedules. */
    public String scheduleGroup() {
        return prefix;
    }

    /** The topic notifier publishes execution outcomes to. */
    public String notificationsTopic() {
        return prefix + "-notifications";
    }

    /** The topic alarms notify: the people who run this deployment. */
    public String operationsTopic() {
        return prefix + "-operations";
    }

    /** drs-adapter's task role, named so member accounts' roles can trust exactly it. */
    public String drsAdapterRoleName() {
        return prefix + "-drs-adapter-task";
    }

    /** The HTTP port a service listens on (its quarkus.http.port). */
    public static int port(Service service) {
        return switch (service) {
            case CATALOG -> 8081;
            case PLAN -> 8082;
            case EXECUTION -> 8083;
            case DRS_ADAPTER -> 8084;
            case NOTIFIER -> 8085;
        };
    }

    /** Where the load balancer checks a task: the service's readiness (its tables and inbox queue reachable). */
    public static final String READINESS_PATH = "/q/health/ready";

    /**
     * What the entry point refuses: a service's own endpoints, {@code /api/<service>/q/…}, and the console's, {@code
     * /q/…} (the console is the default action, so its health would otherwise be public).
     */
    public static final List<String> PRIVATE_PATHS = List.of("/api/*/q/*", "/q/*");

    /** Where the entry point routes a service: {@code /api/<service>/…}. */
    public static String apiPath(Service service) {
        return "/api/" + service.serviceName();
    }

    /** A URL rewrite: what the load balancer matches in a request's path, and what it sends on instead. */
    public record Rewrite(String regex, String replace) {

        /** The path the service receives; the same as the load balancer's (simple regex, no lookaround). */
        public String apply(String path) {
            return path.replaceFirst(regex, replace);
        }
    }

    /** {@code /api/<service>/protection-groups?x=1} reaches the service as {@code /protection-groups?x=1}. */
    public static Rewrite rewrite(Service service) {
        return new Rewrite("^" + apiPath(service) + "/(.*)$", "/$1");
    }
}
