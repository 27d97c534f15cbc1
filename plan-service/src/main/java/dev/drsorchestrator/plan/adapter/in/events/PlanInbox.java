package dev.drsorchestrator.plan.adapter.in.events;

import dev.drsorchestrator.contracts.InboundEvent;
import dev.drsorchestrator.contracts.aws.CloudWatchAlarmStateChange;
import dev.drsorchestrator.contracts.envelope.EventPayload;
import dev.drsorchestrator.contracts.events.catalog.CatalogEvent;
import dev.drsorchestrator.contracts.events.drs.NetworkInventoryChanged;
import dev.drsorchestrator.contracts.events.drs.SourceServerInventoryChanged;
import dev.drsorchestrator.contracts.events.execution.ExecutionLifecycleEvent;
import dev.drsorchestrator.contracts.events.scheduler.DrillScheduleDue;
import dev.drsorchestrator.kit.events.Delivery;
import dev.drsorchestrator.kit.events.InboxHandler;
import dev.drsorchestrator.plan.application.AlarmTriggers;
import dev.drsorchestrator.plan.application.CatalogProjection;
import dev.drsorchestrator.plan.application.DrillSchedules;
import dev.drsorchestrator.plan.application.ExecutionTracking;
import dev.drsorchestrator.plan.domain.ConsumedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * plan-service's inbox: catalog groups, server and network inventory (read model), execution progress (last execution),
 * schedule firings and CloudWatch alarm changes (which start executions).
 */
@ApplicationScoped
class PlanInbox implements InboxHandler {

    private static final Logger LOG = Logger.getLogger(PlanInbox.class);

    private final CatalogProjection catalog;
    private final ExecutionTracking tracking;
    private final DrillSchedules schedules;
    private final AlarmTriggers alarms;

    PlanInbox(CatalogProjection catalog, ExecutionTracking tracking, DrillSchedules schedules, AlarmTriggers alarms) {
        this.catalog = catalog;
        this.tracking = tracking;
        this.schedules = schedules;
        this.alarms = alarms;
    }

    @Override
    public void handle(InboundEvent event, Delivery delivery) {
        ConsumedEvent consumed = new ConsumedEvent(delivery.eventId(), delivery.detailType());
        if (event instanceof InboundEvent.Aws aws) {
            if (aws.event() instanceof CloudWatchAlarmStateChange change) {
                alarms.onStateChange(change);
            } else {
                LOG.warnf("ignoring %s: not an AWS event plan-service consumes", delivery.detailType());
            }
            return;
        }
        InboundEvent.Project project = (InboundEvent.Project) event;
        EventPayload data = project.event().data();
        if (data instanceof CatalogEvent group) {
            catalog.apply(group, consumed);
        } else if (data instanceof SourceServerInventoryChanged sync) {
            catalog.apply(sync, consumed);
        } else if (data instanceof NetworkInventoryChanged network) {
            catalog.apply(network, consumed);
        } else if (data instanceof ExecutionLifecycleEvent lifecycle) {
            tracking.apply(lifecycle, project.event().metadata().occurredAt(), consumed);
        } else if (data instanceof DrillScheduleDue due) {
            schedules.onDue(due, project.event().metadata(), consumed);
        } else {
            LOG.warnf("ignoring %s: not an event plan-service consumes", delivery.detailType());
        }
    }
}
