package dev.drsorchestrator.catalog.domain;

import dev.drsorchestrator.contracts.ids.ProtectionGroupId;
import dev.drsorchestrator.contracts.ids.SourceServerId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A scope as of one version: its groups, and the server assignments of the last change that are not yet written to
 * the server records ({@code pending}; finished before anything else changes in the scope).
 */
public record ScopeState(
        Scope scope,
        long version,
        List<ProtectionGroup> groups,
        Map<SourceServerId, Optional<ProtectionGroupId>> pending) {

    public Optional<ProtectionGroup> group(ProtectionGroupId id) {
        return groups.stream().filter(g -> g.id().equals(id)).findFirst();
    }
}
