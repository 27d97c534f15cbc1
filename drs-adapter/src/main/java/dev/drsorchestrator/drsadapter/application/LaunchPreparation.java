package dev.drsorchestrator.drsadapter.application;

import dev.drsorchestrator.contracts.ids.SourceServerId;
import dev.drsorchestrator.contracts.model.DrillNetwork;
import dev.drsorchestrator.contracts.model.LaunchSettings;
import dev.drsorchestrator.contracts.model.LaunchTemplateSettings;
import dev.drsorchestrator.contracts.model.SubnetInfo;
import dev.drsorchestrator.drsadapter.domain.DrsCallFailed;
import dev.drsorchestrator.drsadapter.domain.JobPhase;
import dev.drsorchestrator.drsadapter.domain.JobRequest;
import dev.drsorchestrator.drsadapter.domain.JobStore;
import dev.drsorchestrator.drsadapter.domain.LaunchSettingsApi;
import dev.drsorchestrator.drsadapter.domain.LaunchSettingsApi.ServerLaunch;
import dev.drsorchestrator.drsadapter.domain.LaunchSettingsStore;
import dev.drsorchestrator.drsadapter.domain.LaunchSettingsStore.TemplateOverride;
import dev.drsorchestrator.drsadapter.domain.LaunchTargets;
import dev.drsorchestrator.drsadapter.domain.Member;
import dev.drsorchestrator.drsadapter.domain.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * Where a wave's servers land, set just before DRS launches them.
 *
 * <ol>
 *   <li>A template still switched to a drill network (a crash, or a drill job not yet done) is switched back first.
 *   <li>Each server's group settings are re-applied where DRS or the template drifted from them.
 *   <li>A drill with a drill network for the job's account and Region: the switch is written down (the production
 *       version to return to), then a template version in the drill subnet and security groups becomes the default.
 *       DRS reads the template when it launches, so the switch stays until the job is done; {@link #restoreDone}
 *       then makes the production version the default again, and finds every switch a crash left behind.
 * </ol>
 *
 * A recovery never uses a drill network. If re-applying production settings fails, a recovery launches anyway with
 * what the template says (recovering matters more; the drift is logged); a drill whose network cannot be set is not
 * launched, so that a drill never lands in production.
 */
@ApplicationScoped
public class LaunchPreparation {

    private static final Logger LOG = Logger.getLogger(LaunchPreparation.class);

    private final LaunchSettingsApi api;
    private final LaunchSettingsStore store;
    private final LaunchSettingsService settings;
    private final Clock clock;

    LaunchPreparation(LaunchSettingsApi api, LaunchSettingsStore store, LaunchSettingsService settings, Clock clock) {
        this.api = api;
        this.store = store;
        this.settings = settings;
        this.clock = clock;
    }

    /** Prepares a LAUNCH job's servers; throws what DRS or EC2 answered when a drill's network cannot be set. */
    public void prepare(JobRequest job) {
        Scope scope = job.scope();
        DrillNetwork network = job.drill ? job.drillNetwork : null;
        @Nullable SubnetInfo drillSubnet = null;
        if (network != null) {
            drillSubnet = api.network(scope).subnet(network.subnetId()).orElse(null);
            if (drillSubnet == null) {
                throw new DrsCallFailed(
                        DrsCallFailed.Kind.REJECTED,
                        "DescribeSubnets",
                        "the drill network's subnet " + network.subnetId() + " does not exist in " + scope
                                + "; correct the plan's drillNetworks",
                        new IllegalStateException("no drill subnet"));
            }
        }
        Map<SourceServerId, TemplateOverride> switched = new HashMap<>();
        store.overrides().forEach(o -> switched.put(o.server(), o));
        Map<SourceServerId, LaunchSettingsStore.Desired> wanted = store.desired(job.serverIds());
        for (Member m : job.members) {
            SourceServerId server = m.sourceServerId();
            Optional<TemplateOverride> leftover = Optional.ofNullable(switched.get(server));
            LaunchSettings want =
                    wanted.containsKey(server) ? wanted.get(server).settings() : LaunchSettings.UNMANAGED;
            if (leftover.isEmpty() && want.managesNothing() && network == null) {
                continue; // nothing is managed for this server: DRS and its template decide, as without us
            }
            switchBack(leftover);
            ServerLaunch now;
            try {
                now = production(scope, server, want);
            } catch (DrsCallFailed e) {
                if (network != null) {
                    throw e;
                }
                LOG.warnf(
                        "%s: could not re-apply the launch settings of %s before its launch: %s; it launches with"
                                + " what its launch template says",
                        job.id, server, e.getMessage());
                continue;
            }
            if (network != null) {
                toDrill(job, scope, now, network, drillSubnet);
            }
        }
    }

    /** The group's settings made true, from a template on its production version. */
    private ServerLaunch production(Scope scope, SourceServerId server, LaunchSettings want) {
        ServerLaunch now = api.current(scope, server);
        Optional<Long> made = settings.ensure(scope, now, want, "group settings, before a launch");
        return made.isEmpty() ? now : api.current(scope, server);
    }

    private void toDrill(JobRequest job, Scope scope, ServerLaunch now, DrillNetwork network, SubnetInfo subnet) {
        LaunchTemplateSettings drill = LaunchTargets.drill(now.observed().template(), network, subnet);
        TemplateOverride override = new TemplateOverride(
                now.server(),
                scope.accountId().value(),
                scope.region(),
                now.launchTemplateId(),
                now.defaultVersion(),
                job.id,
                clock.instant());
        store.putOverride(override);
        long version = api.createVersion(
                scope,
                now.launchTemplateId(),
                now.defaultVersion(),
                drill,
                "drs-orchestrator: drill network for " + job.executionId.value(),
                LaunchSettingsService.token(now, drill));
        api.setDefaultVersion(scope, now.launchTemplateId(), version);
        LOG.infof(
                "%s: %s launches into drill subnet %s (template %s v%d; production v%d is restored after the job)",
                job.id, now.server(), network.subnetId(), now.launchTemplateId(), version, now.defaultVersion());
    }

    /**
     * Switches back every template whose drill job is done or gone (and any a crash left switched); answers how many.
     * A template whose switch-back fails stays listed and is tried again at the next pass.
     */
    public int restoreDone(JobStore jobs) {
        int restored = 0;
        for (TemplateOverride o : store.overrides()) {
            Optional<JobRequest> job = jobs.job(o.jobId());
            if (job.isPresent() && job.get().phase != JobPhase.DONE) {
                continue;
            }
            try {
                switchBack(Optional.of(o));
                restored++;
            } catch (DrsCallFailed e) {
                LOG.warnf(
                        "switching the launch template %s of %s back to production v%d failed: %s; trying again",
                        o.launchTemplateId(), o.server(), o.productionVersion(), e.getMessage());
            }
        }
        return restored;
    }

    private void switchBack(Optional<TemplateOverride> override) {
        if (override.isEmpty()) {
            return;
        }
        TemplateOverride o = override.get();
        api.setDefaultVersion(o.scope(), o.launchTemplateId(), o.productionVersion());
        store.removeOverride(o.server());
        LOG.infof(
                "launch template %s of %s is back on its production version %d (drill job %s)",
                o.launchTemplateId(), o.server(), o.productionVersion(), o.jobId());
    }
}
