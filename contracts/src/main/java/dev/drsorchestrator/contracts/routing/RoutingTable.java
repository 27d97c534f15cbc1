package dev.drsorchestrator.contracts.routing;

import static dev.drsorchestrator.contracts.EventType.DRILL_CLEANUP_REQUESTED;
import static dev.drsorchestrator.contracts.EventType.DRILL_SCHEDULE_DUE;
import static dev.drsorchestrator.contracts.EventType.EXECUTION_AWAITING_APPROVAL;
import static dev.drsorchestrator.contracts.EventType.EXECUTION_CANCELLED;
import static dev.drsorchestrator.contracts.EventType.EXECUTION_COMPLETED;
import static dev.drsorchestrator.contracts.EventType.EXECUTION_FAILED;
import static dev.drsorchestrator.contracts.EventType.EXECUTION_PAUSED;
import static dev.drsorchestrator.contracts.EventType.EXECUTION_REJECTED;
import static dev.drsorchestrator.contracts.EventType.EXECUTION_REQUESTED;
import static dev.drsorchestrator.contracts.EventType.EXECUTION_RESUMED;
import static dev.drsorchestrator.contracts.EventType.EXECUTION_STARTED;
import static dev.drsorchestrator.contracts.EventType.FAILBACK_PROGRESS_CHANGED;
import static dev.drsorchestrator.contracts.EventType.LAUNCH_SETTINGS_APPLIED;
import static dev.drsorchestrator.contracts.EventType.NETWORK_INVENTORY_CHANGED;
import static dev.drsorchestrator.contracts.EventType.PROTECTION_GROUP_CREATED;
import static dev.drsorchestrator.contracts.EventType.PROTECTION_GROUP_DELETED;
import static dev.drsorchestrator.contracts.EventType.PROTECTION_GROUP_UPDATED;
import static dev.drsorchestrator.contracts.EventType.RECOVERY_INSTANCES_TERMINATED;
import static dev.drsorchestrator.contracts.EventType.RECOVERY_JOB_STATE_CHANGED;
import static dev.drsorchestrator.contracts.EventType.RECOVERY_PLAN_CREATED;
import static dev.drsorchestrator.contracts.EventType.RECOVERY_PLAN_DELETED;
import static dev.drsorchestrator.contracts.EventType.RECOVERY_PLAN_UPDATED;
import static dev.drsorchestrator.contracts.EventType.SOURCE_SERVER_INVENTORY_CHANGED;
import static dev.drsorchestrator.contracts.EventType.WAVE_ACTION_COMPLETED;
import static dev.drsorchestrator.contracts.EventType.WAVE_ACTION_REQUESTED;
import static dev.drsorchestrator.contracts.EventType.WAVE_COMPLETED;
import static dev.drsorchestrator.contracts.EventType.WAVE_FAILED;
import static dev.drsorchestrator.contracts.EventType.WAVE_LAUNCH_ACCEPTED;
import static dev.drsorchestrator.contracts.EventType.WAVE_LAUNCH_REJECTED;
import static dev.drsorchestrator.contracts.EventType.WAVE_LAUNCH_REQUESTED;
import static dev.drsorchestrator.contracts.EventType.WAVE_STARTED;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.contracts.EventCodec;
import dev.drsorchestrator.contracts.EventType;
import dev.drsorchestrator.contracts.aws.AwsEventType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Who receives what. For each consumer: the detail-types (of which sources) that reach its inbox queue. The rules
 * that implement it are derived from this table by {@link #rules(String, String)}; nothing else may define them.
 */
public final class RoutingTable {

    /** Default name of the project's custom event bus. */
    public static final String DEFAULT_BUS_NAME = "drs-orchestrator";

    /** Name of every account's default event bus, where AWS services put their events. */
    public static final String AWS_DEFAULT_BUS_NAME = "default";

    private static final List<Subscription> SUBSCRIPTIONS = List.of(
            // catalog: which groups plans use; the server inventory.
            project(Service.CATALOG, RECOVERY_PLAN_CREATED, RECOVERY_PLAN_UPDATED, RECOVERY_PLAN_DELETED),
            project(Service.CATALOG, SOURCE_SERVER_INVENTORY_CHANGED),
            // catalog: the network launch settings are checked against; what applying them did.
            project(Service.CATALOG, NETWORK_INVENTORY_CHANGED, LAUNCH_SETTINGS_APPLIED),
            // plan: groups and readiness for validation and preflight; executions for cooldowns and "active";
            // schedules and alarms start executions.
            project(Service.PLAN, PROTECTION_GROUP_CREATED, PROTECTION_GROUP_UPDATED, PROTECTION_GROUP_DELETED),
            project(Service.PLAN, SOURCE_SERVER_INVENTORY_CHANGED),
            // plan: drill networks are checked against the network.
            project(Service.PLAN, NETWORK_INVENTORY_CHANGED),
            project(
                    Service.PLAN,
                    EXECUTION_STARTED,
                    EXECUTION_COMPLETED,
                    EXECUTION_FAILED,
                    EXECUTION_CANCELLED,
                    EXECUTION_REJECTED),
            project(Service.PLAN, DRILL_SCHEDULE_DUE),
            aws(Service.PLAN, AwsEventType.CLOUDWATCH_ALARM_STATE_CHANGE),
            // execution: requests, and what drs-adapter reports back.
            project(Service.EXECUTION, EXECUTION_REQUESTED),
            project(
                    Service.EXECUTION,
                    RECOVERY_JOB_STATE_CHANGED,
                    WAVE_LAUNCH_ACCEPTED,
                    WAVE_LAUNCH_REJECTED,
                    WAVE_ACTION_COMPLETED,
                    RECOVERY_INSTANCES_TERMINATED,
                    FAILBACK_PROGRESS_CHANGED),
            // drs-adapter: execution's commands, and DRS's own events (hints; polling is the truth).
            project(Service.DRS_ADAPTER, WAVE_LAUNCH_REQUESTED, WAVE_ACTION_REQUESTED, DRILL_CLEANUP_REQUESTED),
            // drs-adapter: the launch settings groups want, applied to DRS and the launch templates.
            project(Service.DRS_ADAPTER, PROTECTION_GROUP_CREATED, PROTECTION_GROUP_UPDATED, PROTECTION_GROUP_DELETED),
            aws(
                    Service.DRS_ADAPTER,
                    AwsEventType.DRS_SOURCE_SERVER_LAUNCH_RESULT,
                    AwsEventType.DRS_DATA_REPLICATION_STALLED_CHANGE,
                    AwsEventType.DRS_RECOVERY_INSTANCE_FAILBACK_STATE_CHANGE,
                    AwsEventType.DRS_JOB_STATE_CHANGE),
            // notifier: the execution lifecycle.
            project(
                    Service.NOTIFIER,
                    EXECUTION_STARTED,
                    EXECUTION_AWAITING_APPROVAL,
                    WAVE_STARTED,
                    WAVE_COMPLETED,
                    WAVE_FAILED,
                    EXECUTION_PAUSED,
                    EXECUTION_RESUMED,
                    EXECUTION_COMPLETED,
                    EXECUTION_FAILED,
                    EXECUTION_CANCELLED,
                    EXECUTION_REJECTED));

    private RoutingTable() {}

    public static List<Subscription> subscriptions() {
        return SUBSCRIPTIONS;
    }

    public static List<Subscription> subscriptionsOf(Service consumer) {
        return SUBSCRIPTIONS.stream().filter(s -> s.consumer() == consumer).toList();
    }

    /** The services whose inbox receives {@code detailType} from {@code source}. */
    public static List<Service> consumersOf(EventSource source, String detailType) {
        return SUBSCRIPTIONS.stream()
                .filter(s -> s.source() == source && s.detailTypes().contains(detailType))
                .map(Subscription::consumer)
                .distinct()
                .toList();
    }

    public static List<Service> consumersOf(EventType type) {
        return consumersOf(type.producer(), type.detailType());
    }

    /**
     * The EventBridge rules for a deployment: one per consumer and source, on the project bus or on the default bus
     * (AWS services' events). Rule names are {@code <rulePrefix>-<consumer>-from-<source>}; the rule prefix keeps
     * two deployments in one account apart on the shared default bus.
     */
    public static List<RuleDefinition> rules(String projectBusName, String rulePrefix) {
        List<RuleDefinition> rules = new ArrayList<>();
        for (Service consumer : Service.values()) {
            for (EventSource source : EventSource.values()) {
                List<String> detailTypes = subscriptionsOf(consumer).stream()
                        .filter(s -> s.source() == source)
                        .flatMap(s -> s.detailTypes().stream())
                        .distinct()
                        .toList();
                if (detailTypes.isEmpty()) {
                    continue;
                }
                String bus = source.bus() == EventSource.Bus.PROJECT ? projectBusName : AWS_DEFAULT_BUS_NAME;
                rules.add(new RuleDefinition(
                        rulePrefix + "-" + consumer.serviceName() + "-from-" + source.shortName(),
                        bus,
                        pattern(source, detailTypes),
                        consumer.inboxQueue(),
                        detailTypes.size() + " event type(s) from " + source.source() + " to "
                                + consumer.serviceName()));
            }
        }
        return List.copyOf(rules);
    }

    /**
     * The rules on the project bus for DRS events that member (source) accounts forward to it: a copy of each
     * {@code aws.drs} rule of {@link #rules(String, String)}, on the project bus, named {@code <rule>-forwarded}. An
     * AWS service's events land on the default bus of the account they happen in; a member account's own rule sends
     * them to the recovery account's project bus, and these deliver them to the same inboxes.
     */
    public static List<RuleDefinition> forwardedRules(String projectBusName, String rulePrefix) {
        return rules(projectBusName, rulePrefix).stream()
                .filter(r -> r.eventBusName().equals(AWS_DEFAULT_BUS_NAME))
                .filter(r -> r.name().endsWith("-from-" + EventSource.AWS_DRS.shortName()))
                .map(r -> new RuleDefinition(
                        r.name() + "-forwarded",
                        projectBusName,
                        r.eventPattern(),
                        r.targetQueueName(),
                        r.description() + ", forwarded from member accounts"))
                .toList();
    }

    /** The rules of the default deployment: bus {@value #DEFAULT_BUS_NAME}, rule prefix the same. */
    public static List<RuleDefinition> rules() {
        return rules(DEFAULT_BUS_NAME, DEFAULT_BUS_NAME);
    }

    private static String pattern(EventSource source, List<String> detailTypes) {
        ObjectNode pattern = EventCodec.mapper().createObjectNode();
        pattern.putArray("source").add(source.source());
        detailTypes.forEach(pattern.putArray("detail-type")::add);
        return EventCodec.writeJson(pattern);
    }

    private static Subscription project(Service consumer, EventType... types) {
        EventSource source = types[0].producer();
        if (Arrays.stream(types).anyMatch(t -> t.producer() != source)) {
            throw new IllegalStateException("one subscription covers one source: " + Arrays.toString(types));
        }
        return new Subscription(
                consumer, source, Stream.of(types).map(EventType::detailType).toList());
    }

    private static Subscription aws(Service consumer, AwsEventType... types) {
        EventSource source = types[0].source();
        return new Subscription(
                consumer, source, Stream.of(types).map(AwsEventType::detailType).toList());
    }
}
