package dev.drsorchestrator.catalog.application;

import dev.drsorchestrator.catalog.application.ScopeCoordinator.Decision;
import dev.drsorchestrator.catalog.domain.GroupLaunchSettings;
import dev.drsorchestrator.catalog.domain.GroupStore;
import dev.drsorchestrator.catalog.domain.LaunchProblem;
import dev.drsorchestrator.catalog.domain.LaunchRules;
import dev.drsorchestrator.catalog.domain.LaunchSettingsDraft;
import dev.drsorchestrator.catalog.domain.NetworkStore;
import dev.drsorchestrator.catalog.domain.ProtectionGroup;
import dev.drsorchestrator.catalog.domain.ScopeChange;
import dev.drsorchestrator.contracts.ids.ProtectionGroupId;
import dev.drsorchestrator.contracts.model.ProtectionGroupChangeReason;
import dev.drsorchestrator.kit.rest.FieldError;
import dev.drsorchestrator.kit.rest.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Replaces a group's launch settings. Checked inside the scope's change, against the group as it is, every other
 * group of its account and Region (a static private IP is unique among them) and the latest network inventory; any
 * problem refuses the whole request with every problem listed. A change raises the group's version and publishes
 * {@code ProtectionGroupUpdated(USER_UPDATE)} with the settings, in the same transaction.
 */
@ApplicationScoped
public class LaunchSettingsCommands {

    private final ScopeCoordinator coordinator;
    private final GroupStore groups;
    private final NetworkStore networks;
    private final Clock clock;

    LaunchSettingsCommands(ScopeCoordinator coordinator, GroupStore groups, NetworkStore networks, Clock clock) {
        this.coordinator = coordinator;
        this.groups = groups;
        this.networks = networks;
        this.clock = clock;
    }

    public ProtectionGroup replace(ProtectionGroupId id, LaunchSettingsDraft draft, long expectedVersion, Actor actor) {
        ProtectionGroup existing = groups.find(id).orElseThrow(() -> GroupCommands.notFound(id));
        return coordinator.change(existing.scope(), state -> {
            ProtectionGroup current = state.group(id).orElseThrow(() -> GroupCommands.notFound(id));
            GroupCommands.requireVersion(current, expectedVersion);
            List<LaunchProblem> problems =
                    LaunchRules.check(draft, current, state.groups(), networks.find(current.scope()));
            if (!problems.isEmpty()) {
                throw ProblemException.invalid(problems.stream()
                        .map(p -> new FieldError(p.field(), p.reason()))
                        .toList());
            }
            GroupLaunchSettings settings = LaunchRules.settings(draft);
            if (settings.equals(current.launch())) {
                return Decision.nothing(current);
            }
            Instant now = clock.instant();
            ProtectionGroup updated = current.withLaunch(settings, current.version() + 1, now);
            ScopeChange.Event event = GroupEvents.updated(
                    updated, ProtectionGroupChangeReason.USER_UPDATE, GroupEvents.metadata(updated, actor, now));
            return new Decision<>(List.of(updated), List.of(), Map.of(), List.of(event), updated);
        });
    }
}
