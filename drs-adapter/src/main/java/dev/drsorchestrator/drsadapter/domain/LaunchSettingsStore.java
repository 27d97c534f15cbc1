package dev.drsorchestrator.drsadapter.domain;

import dev.drsorchestrator.contracts.ids.ProtectionGroupId;
import dev.drsorchestrator.contracts.ids.SourceServerId;
import dev.drsorchestrator.contracts.model.LaunchSettings;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The launch settings groups want for their servers, and the launch templates switched to a drill network for one
 * launch (each to be switched back). Writes that consume an inbox event commit with its processed marker and events.
 */
public interface LaunchSettingsStore {

    /** The group version last applied and the members it had. */
    record GroupState(ProtectionGroupId groupId, long version, List<SourceServerId> members, boolean managed) {}

    /** What a server should launch with, from its group. */
    record Desired(
            SourceServerId server,
            ProtectionGroupId groupId,
            long groupVersion,
            Scope scope,
            LaunchSettings settings) {}

    /**
     * A launch template whose default version was switched to a drill network for the job request {@code jobId};
     * {@code productionVersion} is switched back once that job is done. Written before the switch.
     */
    record TemplateOverride(
            SourceServerId server,
            String accountId,
            String region,
            String launchTemplateId,
            long productionVersion,
            String jobId,
            Instant at) {

        public Scope scope() {
            return Scope.of(accountId, region);
        }
    }

    Optional<GroupState> group(ProtectionGroupId group);

    /**
     * Records a group's settings as applied: the desired settings of each member, none for {@code removed}, the group
     * state, the events and the consumed event.
     */
    void saveGroup(
            GroupState state,
            List<Desired> desired,
            List<SourceServerId> removed,
            List<Outgoing> events,
            Consumed consumed);

    /** What each of these servers should launch with, for those a group manages. */
    Map<SourceServerId, Desired> desired(Collection<SourceServerId> servers);

    Optional<TemplateOverride> override(SourceServerId server);

    List<TemplateOverride> overrides();

    void putOverride(TemplateOverride override);

    void removeOverride(SourceServerId server);
}
