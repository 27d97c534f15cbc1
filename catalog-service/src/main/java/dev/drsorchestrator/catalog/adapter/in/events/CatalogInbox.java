package dev.drsorchestrator.catalog.adapter.in.events;

import dev.drsorchestrator.catalog.application.InventoryIngest;
import dev.drsorchestrator.catalog.application.LaunchFeedback;
import dev.drsorchestrator.catalog.application.PlanUsageProjection;
import dev.drsorchestrator.catalog.domain.ConsumedEvent;
import dev.drsorchestrator.contracts.InboundEvent;
import dev.drsorchestrator.contracts.envelope.EventPayload;
import dev.drsorchestrator.contracts.events.drs.LaunchSettingsApplied;
import dev.drsorchestrator.contracts.events.drs.NetworkInventoryChanged;
import dev.drsorchestrator.contracts.events.drs.SourceServerInventoryChanged;
import dev.drsorchestrator.contracts.events.plan.PlanEvent;
import dev.drsorchestrator.kit.events.Delivery;
import dev.drsorchestrator.kit.events.InboxHandler;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * catalog-service's inbox: the server and network inventories and launch-settings results from drs-adapter, plan
 * changes from plan-service.
 */
@ApplicationScoped
class CatalogInbox implements InboxHandler {

    private static final Logger LOG = Logger.getLogger(CatalogInbox.class);

    private final InventoryIngest inventory;
    private final PlanUsageProjection usage;
    private final LaunchFeedback launch;

    CatalogInbox(InventoryIngest inventory, PlanUsageProjection usage, LaunchFeedback launch) {
        this.inventory = inventory;
        this.usage = usage;
        this.launch = launch;
    }

    @Override
    public void handle(InboundEvent event, Delivery delivery) {
        if (!(event instanceof InboundEvent.Project project)) {
            LOG.warnf("ignoring %s: catalog-service consumes no AWS events", delivery.detailType());
            return;
        }
        EventPayload data = project.event().data();
        ConsumedEvent consumed = new ConsumedEvent(delivery.eventId(), delivery.detailType());
        if (data instanceof SourceServerInventoryChanged sync) {
            inventory.apply(sync, project.event().metadata(), consumed);
        } else if (data instanceof NetworkInventoryChanged network) {
            launch.network(network, consumed);
        } else if (data instanceof LaunchSettingsApplied applied) {
            launch.applied(applied, consumed);
        } else if (data instanceof PlanEvent plan) {
            usage.apply(plan, consumed);
        } else {
            LOG.warnf("ignoring %s: not an event catalog-service consumes", delivery.detailType());
        }
    }
}
