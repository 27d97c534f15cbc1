package dev.drsorchestrator.drsadapter.adapter.in.events;

import dev.drsorchestrator.contracts.InboundEvent;
import dev.drsorchestrator.contracts.aws.AwsEvent;
import dev.drsorchestrator.contracts.aws.DrsDataReplicationStalledChange;
import dev.drsorchestrator.contracts.aws.DrsJobStateChange;
import dev.drsorchestrator.contracts.aws.DrsRecoveryInstanceFailbackStateChange;
import dev.drsorchestrator.contracts.aws.DrsSourceServerLaunchResult;
import dev.drsorchestrator.contracts.envelope.EventBridgeEvent;
import dev.drsorchestrator.contracts.envelope.EventPayload;
import dev.drsorchestrator.contracts.events.catalog.ProtectionGroupCreated;
import dev.drsorchestrator.contracts.events.catalog.ProtectionGroupDeleted;
import dev.drsorchestrator.contracts.events.catalog.ProtectionGroupUpdated;
import dev.drsorchestrator.contracts.events.execution.DrillCleanupRequested;
import dev.drsorchestrator.contracts.events.execution.WaveActionRequested;
import dev.drsorchestrator.contracts.events.execution.WaveLaunchRequested;
import dev.drsorchestrator.drsadapter.application.ActionService;
import dev.drsorchestrator.drsadapter.application.CleanupService;
import dev.drsorchestrator.drsadapter.application.FailbackService;
import dev.drsorchestrator.drsadapter.application.InventoryService;
import dev.drsorchestrator.drsadapter.application.LaunchService;
import dev.drsorchestrator.drsadapter.application.LaunchSettingsService;
import dev.drsorchestrator.drsadapter.application.Tracker;
import dev.drsorchestrator.drsadapter.domain.Consumed;
import dev.drsorchestrator.drsadapter.domain.Scope;
import dev.drsorchestrator.kit.events.Delivery;
import dev.drsorchestrator.kit.events.InboxHandler;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * drs-adapter's inbox: execution-service's commands, protection groups (their launch settings), and DRS's own events, which only tell the tracker and the
 * inventory where to look now (polling stays the truth, so a lost DRS event costs at most one poll interval).
 */
@ApplicationScoped
class DrsInbox implements InboxHandler {

    private static final Logger LOG = Logger.getLogger(DrsInbox.class);

    private final LaunchService launches;
    private final ActionService actions;
    private final CleanupService cleanups;
    private final Tracker tracker;
    private final InventoryService inventory;
    private final FailbackService failbacks;
    private final LaunchSettingsService launchSettings;

    DrsInbox(
            LaunchService launches,
            ActionService actions,
            CleanupService cleanups,
            Tracker tracker,
            InventoryService inventory,
            FailbackService failbacks,
            LaunchSettingsService launchSettings) {
        this.failbacks = failbacks;
        this.launchSettings = launchSettings;
        this.launches = launches;
        this.actions = actions;
        this.cleanups = cleanups;
        this.tracker = tracker;
        this.inventory = inventory;
    }

    @Override
    public void handle(InboundEvent event, Delivery delivery) {
        if (event instanceof InboundEvent.Aws aws) {
            hint(aws.event());
            return;
        }
        EventBridgeEvent<EventPayload> envelope = ((InboundEvent.Project) event).event();
        Consumed consumed = new Consumed(delivery.eventId(), delivery.detailType(), delivery.receiveCount());
        EventPayload data = envelope.data();
        if (data instanceof WaveLaunchRequested r) {
            launches.onRequested(r, envelope.metadata(), consumed);
        } else if (data instanceof WaveActionRequested r) {
            actions.onRequested(r, envelope.metadata(), consumed);
        } else if (data instanceof DrillCleanupRequested r) {
            cleanups.onRequested(r, envelope.metadata(), consumed);
        } else if (data instanceof ProtectionGroupCreated g) {
            launchSettings.onCreated(g, envelope.metadata(), consumed);
        } else if (data instanceof ProtectionGroupUpdated g) {
            launchSettings.onUpdated(g, envelope.metadata(), consumed);
        } else if (data instanceof ProtectionGroupDeleted g) {
            launchSettings.onDeleted(g, consumed);
        } else {
            LOG.warnf("ignoring %s: not an event drs-adapter consumes", delivery.detailType());
        }
    }

    private void hint(AwsEvent event) {
        if (event instanceof DrsSourceServerLaunchResult e) {
            tracker.hint(e.jobId());
        } else if (event instanceof DrsJobStateChange e) {
            tracker.hint(e.jobId());
        } else if (event instanceof DrsRecoveryInstanceFailbackStateChange e) {
            tracker.hint(new Scope(e.account(), e.region()));
            failbacks.hint();
        } else if (event instanceof DrsDataReplicationStalledChange e) {
            inventory.hint(new Scope(e.account(), e.region()));
        } else {
            LOG.debugf("ignoring %s: not an AWS event drs-adapter uses", event.type());
        }
    }
}
