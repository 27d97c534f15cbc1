package dev.drsorchestrator.plan.adapter.out.scheduler;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.contracts.EventCodec;
import dev.drsorchestrator.contracts.EventType;
import dev.drsorchestrator.contracts.envelope.EventMetadata;
import dev.drsorchestrator.contracts.ids.PlanId;
import dev.drsorchestrator.contracts.model.ExecutionType;
import dev.drsorchestrator.kit.aws.AwsClients;
import dev.drsorchestrator.kit.config.KitConfig;
import dev.drsorchestrator.plan.config.PlanConfig;
import dev.drsorchestrator.plan.domain.DrillSchedule;
import dev.drsorchestrator.plan.domain.PlanInvalid;
import dev.drsorchestrator.plan.domain.ScheduleGateway;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.ConflictException;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindowMode;
import software.amazon.awssdk.services.scheduler.model.ResourceNotFoundException;
import software.amazon.awssdk.services.scheduler.model.ScheduleState;
import software.amazon.awssdk.services.scheduler.model.Target;
import software.amazon.awssdk.services.scheduler.model.ValidationException;

/**
 * Drill schedules in EventBridge Scheduler. The target is the project bus; the input is a whole event {@code detail}
 * whose {@code metadata.eventId} is the scheduler's execution id, so a firing delivered twice is one event.
 */
@ApplicationScoped
class EventBridgeScheduleGateway implements ScheduleGateway {

    private static final Logger LOG = Logger.getLogger(EventBridgeScheduleGateway.class);

    private final SchedulerClient scheduler;
    private final EventBridgeClient eventBridge;
    private final String busName;
    private final PlanConfig.Scheduler config;
    private volatile String busArn;

    EventBridgeScheduleGateway(AwsClients clients, EventBridgeClient eventBridge, KitConfig kit, PlanConfig config) {
        this.scheduler = clients.configure(
                        SchedulerClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()))
                .build();
        this.eventBridge = eventBridge;
        this.busName = kit.busName();
        this.config = config.scheduler();
    }

    @PreDestroy
    void close() {
        scheduler.close();
    }

    @Override
    public void upsert(String scheduleName, PlanId plan, DrillSchedule schedule) {
        String role = config.roleArn()
                .orElseThrow(() -> new Unavailable("plan.scheduler.role-arn is not set: EventBridge Scheduler needs a"
                        + " role that may put events on the bus " + busName + "; set it and retry"));
        Target target = Target.builder()
                .arn(busArn())
                .roleArn(role)
                .eventBridgeParameters(p -> p.source(EventType.DRILL_SCHEDULE_DUE.source())
                        .detailType(EventType.DRILL_SCHEDULE_DUE.detailType()))
                .input(input(scheduleName, plan, schedule))
                .build();
        ScheduleState state = schedule.enabled() ? ScheduleState.ENABLED : ScheduleState.DISABLED;
        String description = "Drill of recovery plan " + plan.value() + " (drs-orchestrator plan-service)";
        try {
            try {
                create(scheduleName, schedule, target, state, description);
            } catch (ResourceNotFoundException e) {
                createGroup();
                create(scheduleName, schedule, target, state, description);
            } catch (ConflictException e) {
                scheduler.updateSchedule(r -> r.name(scheduleName)
                        .groupName(config.group())
                        .scheduleExpression(schedule.expression())
                        .scheduleExpressionTimezone(schedule.timezone())
                        .state(state)
                        .description(description)
                        .flexibleTimeWindow(w -> w.mode(FlexibleTimeWindowMode.OFF))
                        .target(target));
            }
        } catch (ValidationException e) {
            throw new PlanInvalid(
                    "expression",
                    "EventBridge Scheduler refused the schedule: "
                            + e.awsErrorDetails().errorMessage());
        }
    }

    private void create(
            String scheduleName, DrillSchedule schedule, Target target, ScheduleState state, String description) {
        scheduler.createSchedule(r -> r.name(scheduleName)
                .groupName(config.group())
                .scheduleExpression(schedule.expression())
                .scheduleExpressionTimezone(schedule.timezone())
                .state(state)
                .description(description)
                .flexibleTimeWindow(w -> w.mode(FlexibleTimeWindowMode.OFF))
                .target(target));
    }

    /** The schedule group is created on first use (infra/aws creates it in AWS). */
    private void createGroup() {
        LOG.infof("creating schedule group %s", config.group());
        try {
            scheduler.createScheduleGroup(r -> r.name(config.group()));
        } catch (ConflictException e) {
            LOG.debugf("schedule group %s was created meanwhile", config.group());
        }
    }

    @Override
    public void delete(String scheduleName) {
        try {
            scheduler.deleteSchedule(r -> r.name(scheduleName).groupName(config.group()));
        } catch (ResourceNotFoundException e) {
            LOG.debugf("schedule %s was already gone", scheduleName);
        }
    }

    private String busArn() {
        String arn = busArn;
        if (arn == null) {
            arn = eventBridge.describeEventBus(r -> r.name(busName)).arn();
            busArn = arn;
        }
        return arn;
    }

    /** The event detail the schedule puts on the bus, with the scheduler's context attributes in it. */
    static String input(String scheduleName, PlanId plan, DrillSchedule schedule) {
        ObjectNode detail = EventCodec.mapper().createObjectNode();
        ObjectNode metadata = detail.putObject("metadata");
        metadata.put("eventId", "<aws.scheduler.execution-id>");
        metadata.put("schemaVersion", EventMetadata.CURRENT_SCHEMA_VERSION);
        metadata.put("occurredAt", "<aws.scheduler.scheduled-time>");
        metadata.put("correlationId", plan.value());
        metadata.put("actor", "schedule:" + scheduleName);
        ObjectNode data = detail.putObject("data");
        data.put("scheduleName", scheduleName);
        data.put("planId", plan.value());
        data.put("executionType", ExecutionType.DRILL.name());
        data.put("scheduledTime", "<aws.scheduler.scheduled-time>");
        if (schedule.comment() != null) {
            data.put("comment", schedule.comment());
        }
        return detail.toString();
    }
}
