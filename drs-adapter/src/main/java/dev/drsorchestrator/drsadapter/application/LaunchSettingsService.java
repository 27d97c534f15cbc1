package dev.drsorchestrator.drsadapter.application;

import dev.drsorchestrator.contracts.envelope.EventMetadata;
import dev.drsorchestrator.contracts.events.catalog.ProtectionGroupCreated;
import dev.drsorchestrator.contracts.events.catalog.ProtectionGroupDeleted;
import dev.drsorchestrator.contracts.events.catalog.ProtectionGroupUpdated;
import dev.drsorchestrator.contracts.events.drs.LaunchSettingsApplied;
import dev.drsorchestrator.contracts.ids.ProtectionGroupId;
import dev.drsorchestrator.contracts.ids.SourceServerId;
import dev.drsorchestrator.contracts.model.LaunchSettings;
import dev.drsorchestrator.contracts.model.LaunchSettingsOutcome;
import dev.drsorchestrator.contracts.model.LaunchTemplateSettings;
import dev.drsorchestrator.contracts.model.ServerLaunchSettings;
import dev.drsorchestrator.contracts.model.ServerLaunchSettingsResult;
import dev.drsorchestrator.drsadapter.domain.Consumed;
import dev.drsorchestrator.drsadapter.domain.DrsCallFailed;
import dev.drsorchestrator.drsadapter.domain.LaunchSettingsApi;
import dev.drsorchestrator.drsadapter.domain.LaunchSettingsApi.ServerLaunch;
import dev.drsorchestrator.drsadapter.domain.LaunchSettingsStore;
import dev.drsorchestrator.drsadapter.domain.LaunchSettingsStore.Desired;
import dev.drsorchestrator.drsadapter.domain.LaunchSettingsStore.GroupState;
import dev.drsorchestrator.drsadapter.domain.LaunchTargets;
import dev.drsorchestrator.drsadapter.domain.Outgoing;
import dev.drsorchestrator.drsadapter.domain.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Applies the launch settings protection groups ask for: on every group change, each member's DRS launch
 * configuration and EC2 launch template are made to match (a new template version, set as the default) and the
 * outcome per server is published as {@code LaunchSettingsApplied}. What is wanted is kept per server, so that
 * {@link LaunchPreparation} re-applies it before each wave launch.
 */
@ApplicationScoped
public class LaunchSettingsService {

    private static final Logger LOG = Logger.getLogger(LaunchSettingsService.class);

    private final LaunchSettingsApi api;
    private final LaunchSettingsStore store;
    private final Clock clock;

    LaunchSettingsService(LaunchSettingsApi api, LaunchSettingsStore store, Clock clock) {
        this.api = api;
        this.store = store;
        this.clock = clock;
    }

    /** A group as its events describe it. */
    private record Change(
            ProtectionGroupId groupId,
            long version,
            Scope scope,
            List<SourceServerId> members,
            Function<SourceServerId, LaunchSettings> settingsOf,
            boolean managed) {}

    public void onCreated(ProtectionGroupCreated e, EventMetadata cause, Consumed consumed) {
        onChanged(
                e.protectionGroupId(),
                e.version(),
                new Scope(e.accountId(), e.region()),
                e.members(),
                e.launchSettings(),
                e.serverLaunchSettings(),
                cause,
                consumed);
    }

    public void onUpdated(ProtectionGroupUpdated e, EventMetadata cause, Consumed consumed) {
        onChanged(
                e.protectionGroupId(),
                e.version(),
                new Scope(e.accountId(), e.region()),
                e.members(),
                e.launchSettings(),
                e.serverLaunchSettings(),
                cause,
                consumed);
    }

    private void onChanged(
            ProtectionGroupId group,
            long version,
            Scope scope,
            List<SourceServerId> members,
            LaunchSettings settings,
            List<ServerLaunchSettings> overrides,
            EventMetadata cause,
            Consumed consumed) {
        boolean managed = !settings.managesNothing() || !overrides.isEmpty();
        apply(
                new Change(
                        group,
                        version,
                        scope,
                        members,
                        server -> ServerLaunchSettings.effective(settings, overrides, server),
                        managed),
                cause,
                consumed);
    }

    /** A deleted group's servers are no longer managed: their launch settings stay as they are in DRS and EC2. */
    public void onDeleted(ProtectionGroupDeleted e, Consumed consumed) {
        Optional<GroupState> before = store.group(e.protectionGroupId());
        if (before.isPresent() && before.get().version() > e.version()) {
            store.saveGroup(before.get(), List.of(), List.of(), List.of(), consumed);
            return;
        }
        List<SourceServerId> removed = before.map(GroupState::members).orElse(List.of());
        store.saveGroup(
                new GroupState(e.protectionGroupId(), e.version(), List.of(), false),
                List.of(),
                removed,
                List.of(),
                consumed);
    }

    private void apply(Change c, EventMetadata cause, Consumed consumed) {
        Optional<GroupState> before = store.group(c.groupId());
        if (before.isPresent() && before.get().version() >= c.version()) {
            LOG.debugf(
                    "group %s v%d: launch settings of v%d already applied",
                    c.groupId(), c.version(), before.get().version());
            store.saveGroup(before.get(), List.of(), List.of(), List.of(), consumed);
            return;
        }
        Set<SourceServerId> removed =
                new LinkedHashSet<>(before.map(GroupState::members).orElse(List.of()));
        c.members().forEach(removed::remove);
        List<Desired> desired = new ArrayList<>();
        List<ServerLaunchSettingsResult> results = new ArrayList<>();
        for (SourceServerId server : c.members()) {
            LaunchSettings wanted = c.settingsOf().apply(server);
            desired.add(new Desired(server, c.groupId(), c.version(), c.scope(), wanted));
            if (c.managed()) {
                results.add(applyTo(c.scope(), server, wanted));
            }
        }
        List<Outgoing> events = new ArrayList<>();
        boolean wasManaged = before.map(GroupState::managed).orElse(false);
        if (c.managed() || wasManaged) {
            Instant now = clock.instant();
            events.add(new Outgoing(
                    Metadata.of(c.groupId().value(), cause.eventId(), cause.traceparent(), now),
                    new LaunchSettingsApplied(
                            c.groupId(),
                            c.version(),
                            c.scope().accountId(),
                            c.scope().region(),
                            now,
                            results)));
            LOG.infof(
                    "group %s v%d: launch settings of %d server(s) in %s: %s",
                    c.groupId(), c.version(), results.size(), c.scope(), summary(results));
        }
        store.saveGroup(
                new GroupState(c.groupId(), c.version(), c.members(), c.managed()),
                desired,
                List.copyOf(removed),
                events,
                consumed);
    }

    /**
     * Makes one server's launch settings match; never throws for what DRS or EC2 refuse (the result says it), only
     * for what is worth retrying (throttling after retries, no answer).
     */
    ServerLaunchSettingsResult applyTo(Scope scope, SourceServerId server, LaunchSettings wanted) {
        if (wanted.managesNothing()) {
            return new ServerLaunchSettingsResult(server, LaunchSettingsOutcome.UNCHANGED, null, null, null);
        }
        if (store.override(server).isPresent()) {
            return new ServerLaunchSettingsResult(
                    server,
                    LaunchSettingsOutcome.UNCHANGED,
                    null,
                    null,
                    "a drill is launching this server into its drill network right now; the group's settings are"
                            + " applied before its next launch");
        }
        try {
            ServerLaunch now = api.current(scope, server);
            Optional<Long> version = ensure(scope, now, wanted, "group settings");
            return new ServerLaunchSettingsResult(
                    server,
                    version.isPresent() || LaunchTargets.configurationDrifts(wanted, now.observed())
                            ? LaunchSettingsOutcome.APPLIED
                            : LaunchSettingsOutcome.UNCHANGED,
                    now.launchTemplateId(),
                    version.orElse(now.defaultVersion()),
                    null);
        } catch (DrsCallFailed e) {
            if (e.kind() == DrsCallFailed.Kind.THROTTLED || e.kind() == DrsCallFailed.Kind.AMBIGUOUS) {
                throw e;
            }
            String what = e.kind() == DrsCallFailed.Kind.ACCESS_DENIED
                    ? "; check drs.accounts (role, external id) and that the role may call DRS and EC2"
                    : "; correct the group's launch settings (GET /protection-groups/{id}/launch-settings in"
                            + " catalog-service) and save them again";
            LOG.warnf("launch settings of %s in %s not applied: %s", server, scope, e.getMessage());
            return new ServerLaunchSettingsResult(
                    server, LaunchSettingsOutcome.FAILED, null, null, e.getMessage() + what);
        }
    }

    /**
     * Makes the server's configuration and template say what {@code wanted} says, from what they say {@code now}:
     * the template version that is now the default if a new one was made.
     */
    Optional<Long> ensure(Scope scope, ServerLaunch now, LaunchSettings wanted, String why) {
        if (LaunchTargets.configurationDrifts(wanted, now.observed())) {
            api.updateConfiguration(scope, now.server(), wanted.configuration());
        }
        if (!LaunchTargets.templateDrifts(wanted, now.observed())) {
            return Optional.empty();
        }
        LaunchTemplateSettings target = LaunchTargets.production(now.observed().template(), wanted.template());
        long version = api.createVersion(
                scope,
                now.launchTemplateId(),
                now.defaultVersion(),
                target,
                "drs-orchestrator: " + why,
                token(now, target));
        api.setDefaultVersion(scope, now.launchTemplateId(), version);
        return Optional.of(version);
    }

    /**
     * EC2's idempotency token for the version {@code target} made from {@code now}'s default: a repeat after a crash
     * or an unanswered call gets the same version back instead of a second one.
     */
    static String token(ServerLaunch now, LaunchTemplateSettings target) {
        String raw =
                now.launchTemplateId() + "-" + now.defaultVersion() + "-" + InventoryService.hash(target.toString());
        return raw.length() <= 64 ? raw : raw.substring(raw.length() - 64);
    }

    private static String summary(List<ServerLaunchSettingsResult> results) {
        java.util.Map<LaunchSettingsOutcome, Integer> by = new java.util.EnumMap<>(LaunchSettingsOutcome.class);
        results.forEach(r -> by.merge(r.outcome(), 1, Integer::sum));
        return by.toString();
    }
}
