package dev.drsorchestrator.catalog.domain;

import dev.drsorchestrator.contracts.ids.ProtectionGroupId;
import dev.drsorchestrator.contracts.ids.SourceServerId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Protection groups and the per-scope record that serialises every membership change in a scope: a change commits
 * only if the scope is still at the version it was read at, so of two racing changes exactly one wins.
 */
public interface GroupStore {

    /** The scope's groups and version (strongly consistent); version 0 and no groups for a new scope. */
    ScopeState load(Scope scope);

    /** @throws ScopeChanged when the scope is no longer at {@code change.expectedVersion()} */
    void commit(ScopeChange change);

    /** Writes committed assignments to the server records, then clears them from the scope at {@code version}. */
    void finish(Scope scope, long version, Map<SourceServerId, Optional<ProtectionGroupId>> assignments);

    Optional<ProtectionGroup> find(ProtectionGroupId id);

    /** Groups by id (missing ones left out). */
    Map<ProtectionGroupId, ProtectionGroup> findAll(java.util.Collection<ProtectionGroupId> ids);

    ListPage<ProtectionGroup> list(GroupQuery query, int limit, @Nullable Map<String, String> position);

    /** Every scope that has groups or servers, sorted. */
    List<Scope> scopes();

    /** Records that a scope exists (inventory arrived for it). */
    void registerScope(Scope scope);
}
