package dev.drsorchestrator.catalog.domain;

import dev.drsorchestrator.contracts.ids.ProtectionGroupId;
import dev.drsorchestrator.contracts.ids.SourceServerId;
import java.util.List;
import java.util.Map;

/** drs-adapter's latest launch-settings result per group and server. */
public interface AppliedLaunchStore {

    /**
     * Stores each result unless one for a newer group version (or the same version, applied later) is stored;
     * records {@code consumed} after all of them.
     */
    void apply(ProtectionGroupId group, List<AppliedLaunch> results, ConsumedEvent consumed);

    Map<SourceServerId, AppliedLaunch> find(ProtectionGroupId group);
}
