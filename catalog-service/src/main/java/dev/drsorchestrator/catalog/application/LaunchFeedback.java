package dev.drsorchestrator.catalog.application;

import dev.drsorchestrator.catalog.domain.AppliedLaunch;
import dev.drsorchestrator.catalog.domain.AppliedLaunchStore;
import dev.drsorchestrator.catalog.domain.ConsumedEvent;
import dev.drsorchestrator.catalog.domain.NetworkInventory;
import dev.drsorchestrator.catalog.domain.NetworkStore;
import dev.drsorchestrator.catalog.domain.Scope;
import dev.drsorchestrator.contracts.events.drs.LaunchSettingsApplied;
import dev.drsorchestrator.contracts.events.drs.NetworkInventoryChanged;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What drs-adapter reports about launch settings: the network of each account and Region (the latest sync wins) and
 * the result of applying a group's settings to each server (a result for an older group version than the one
 * stored is ignored).
 */
@ApplicationScoped
public class LaunchFeedback {

    private final NetworkStore networks;
    private final AppliedLaunchStore applied;

    LaunchFeedback(NetworkStore networks, AppliedLaunchStore applied) {
        this.networks = networks;
        this.applied = applied;
    }

    public void network(NetworkInventoryChanged event, ConsumedEvent consumed) {
        networks.apply(
                new NetworkInventory(
                        new Scope(event.accountId(), event.region()),
                        event.syncedAt(),
                        event.subnets(),
                        event.securityGroups(),
                        event.instanceTypes()),
                consumed);
    }

    public void applied(LaunchSettingsApplied event, ConsumedEvent consumed) {
        applied.apply(
                event.protectionGroupId(),
                event.servers().stream()
                        .map(r -> new AppliedLaunch(
                                r.sourceServerId(),
                                event.groupVersion(),
                                r.outcome(),
                                r.launchTemplateId(),
                                r.launchTemplateVersion(),
                                r.message(),
                                event.appliedAt()))
                        .toList(),
                consumed);
    }
}
