package dev.drsorchestrator.catalog.adapter.in.events;

import dev.drsorchestrator.catalog.application.InventoryIngest;
import dev.drsorchestrator.catalog.application.PlanUsageProjection;
import dev.drsorchestrator.catalog.domain.ConsumedEvent;
import dev.drsorchestrator.contracts.InboundEvent;
import dev.drsorchestrator.contracts.envelope.EventPayload;
import dev.drsorchestrator.contracts.events.drs.SourceServerInventoryChanged;
import dev.drsorchestrator.contracts.events.plan.PlanEvent;
import dev.drsorchestrator.kit.events.Delivery;
import dev.drsorchestrator.kit.events.InboxHandler;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** catalog-service's inbox: the server inventory from drs-adapter and plan changes from plan-service. */
@ApplicationScoped
class CatalogInbox implements InboxHandler {

    private static final Logger LOG = Logger.getLogger(CatalogInbox.class);

    private final InventoryIngest inventory;
    private final PlanUsageProjection usage;

    CatalogInbox(InventoryIngest inventory, PlanUsageProjection usage) {
        this.inventory = inventory;
        this.usage = usage;
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
        } else if (data instanceof PlanEvent plan) {
            usage.apply(plan, consumed);
        } else {
            LOG.warnf("ignoring %s: not an event catalog-service consumes", delivery.detailType());
        }
    }
}
