package dev.drsorchestrator.notifier.adapter.in.events;

import dev.drsorchestrator.contracts.InboundEvent;
import dev.drsorchestrator.contracts.envelope.EventBridgeEvent;
import dev.drsorchestrator.contracts.envelope.EventPayload;
import dev.drsorchestrator.contracts.events.execution.ExecutionLifecycleEvent;
import dev.drsorchestrator.kit.events.Delivery;
import dev.drsorchestrator.kit.events.InboxHandler;
import dev.drsorchestrator.notifier.application.NotificationService;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** notifier's inbox: the execution lifecycle, each event one message. */
@ApplicationScoped
class NotifierInbox implements InboxHandler {

    private static final Logger LOG = Logger.getLogger(NotifierInbox.class);

    private final NotificationService notifications;

    NotifierInbox(NotificationService notifications) {
        this.notifications = notifications;
    }

    @Override
    public void handle(InboundEvent event, Delivery delivery) {
        if (event instanceof InboundEvent.Project project
                && project.event().data() instanceof ExecutionLifecycleEvent lifecycle) {
            EventBridgeEvent<EventPayload> envelope = project.event();
            notifications.onEvent(lifecycle, envelope.metadata(), delivery.detailType(), delivery.receiveCount());
            return;
        }
        LOG.warnf("ignoring %s: not an event notifier consumes", delivery.detailType());
    }
}
