package dev.drsorchestrator.execution.adapter.in.events;

import dev.drsorchestrator.contracts.InboundEvent;
import dev.drsorchestrator.contracts.envelope.EventBridgeEvent;
import dev.drsorchestrator.contracts.envelope.EventPayload;
import dev.drsorchestrator.contracts.events.drs.FailbackProgressChanged;
import dev.drsorchestrator.contracts.events.drs.RecoveryInstancesTerminated;
import dev.drsorchestrator.contracts.events.drs.RecoveryJobStateChanged;
import dev.drsorchestrator.contracts.events.drs.WaveActionCompleted;
import dev.drsorchestrator.contracts.events.drs.WaveLaunchAccepted;
import dev.drsorchestrator.contracts.events.drs.WaveLaunchRejected;
import dev.drsorchestrator.contracts.events.plan.ExecutionRequested;
import dev.drsorchestrator.contracts.ids.ExecutionId;
import dev.drsorchestrator.execution.application.ExecutionEngine;
import dev.drsorchestrator.execution.domain.ConsumedEvent;
import dev.drsorchestrator.kit.events.Delivery;
import dev.drsorchestrator.kit.events.InboxHandler;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** execution-service's inbox: requests from plan-service, and what drs-adapter reports about launches and actions. */
@ApplicationScoped
class ExecutionInbox implements InboxHandler {

    private static final Logger LOG = Logger.getLogger(ExecutionInbox.class);

    private final ExecutionEngine engine;

    ExecutionInbox(ExecutionEngine engine) {
        this.engine = engine;
    }

    @Override
    public void handle(InboundEvent event, Delivery delivery) {
        if (!(event instanceof InboundEvent.Project project)) {
            LOG.warnf("ignoring %s: not an event execution-service consumes", delivery.detailType());
            return;
        }
        EventBridgeEvent<EventPayload> envelope = project.event();
        ConsumedEvent consumed = new ConsumedEvent(
                delivery.eventId(), delivery.detailType(), envelope.metadata().traceparent());
        EventPayload data = envelope.data();
        if (data instanceof ExecutionRequested request) {
            engine.onRequested(request, envelope.metadata().actorId(), consumed);
            return;
        }
        ExecutionId execution = executionOf(data);
        if (execution == null) {
            LOG.warnf("ignoring %s: not an event execution-service consumes", delivery.detailType());
            return;
        }
        engine.onReport(execution, data, consumed);
    }

    private static ExecutionId executionOf(EventPayload data) {
        if (data instanceof RecoveryJobStateChanged e) {
            return e.executionId();
        } else if (data instanceof WaveLaunchAccepted e) {
            return e.executionId();
        } else if (data instanceof WaveLaunchRejected e) {
            return e.executionId();
        } else if (data instanceof WaveActionCompleted e) {
            return e.executionId();
        } else if (data instanceof RecoveryInstancesTerminated e) {
            return e.executionId();
        } else if (data instanceof FailbackProgressChanged e) {
            return e.executionId();
        }
        return null;
    }
}
