package dev.drsorchestrator.contracts.events.catalog;

import dev.drsorchestrator.contracts.envelope.EventPayload;
import dev.drsorchestrator.contracts.ids.ProtectionGroupId;

/** Events published by catalog-service (source {@code drs-orchestrator.catalog-service}). */
public sealed interface CatalogEvent extends EventPayload
        permits ProtectionGroupCreated, ProtectionGroupUpdated, ProtectionGroupDeleted {

    ProtectionGroupId protectionGroupId();
}
