package dev.drsorchestrator.plan.application;

import dev.drsorchestrator.contracts.ids.PlanId;
import dev.drsorchestrator.contracts.ids.ProtectionGroupId;
import dev.drsorchestrator.contracts.ids.SourceServerId;
import dev.drsorchestrator.plan.config.PlanConfig;
import dev.drsorchestrator.plan.domain.Activation;
import dev.drsorchestrator.plan.domain.CatalogGroup;
import dev.drsorchestrator.plan.domain.CatalogView;
import dev.drsorchestrator.plan.domain.ExecutionLog;
import dev.drsorchestrator.plan.domain.LastExecution;
import dev.drsorchestrator.plan.domain.ListPage;
import dev.drsorchestrator.plan.domain.PlanStore;
import dev.drsorchestrator.plan.domain.Preflight;
import dev.drsorchestrator.plan.domain.PreflightReport;
import dev.drsorchestrator.plan.domain.PreflightSettings;
import dev.drsorchestrator.plan.domain.RecoveryPlan;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Reads plans, their last execution, their activations, and what running one now would meet. */
@ApplicationScoped
public class PlanQueries {

    private final PlanStore plans;
    private final CatalogView catalog;
    private final ExecutionLog executions;
    private final PreflightSettings settings;
    private final Clock clock;

    PlanQueries(PlanStore plans, CatalogView catalog, ExecutionLog executions, PlanConfig config, Clock clock) {
        this.plans = plans;
        this.catalog = catalog;
        this.executions = executions;
        this.settings = new PreflightSettings(
                config.quotas().serversPerJob(),
                config.quotas().concurrentJobs(),
                config.quotas().serversInActiveJobs(),
                config.estimate().launchSeconds(),
                config.estimate().actionSeconds());
        this.clock = clock;
    }

    public RecoveryPlan plan(PlanId id) {
        return plans.require(id);
    }

    public Optional<LastExecution> lastExecution(PlanId id) {
        return executions.last(id);
    }

    public ListPage<RecoveryPlan> plans(@Nullable String namePrefix, int limit, @Nullable Map<String, String> at) {
        return plans.list(namePrefix, limit, at);
    }

    public ListPage<Activation> activations(PlanId id, int limit, @Nullable Map<String, String> at) {
        plan(id);
        return executions.activations(id, limit, at);
    }

    public PreflightReport preflight(PlanId id) {
        RecoveryPlan plan = plan(id);
        Map<ProtectionGroupId, CatalogGroup> groups =
                catalog.groups(plan.definition().groupIds());
        Set<SourceServerId> servers = new LinkedHashSet<>();
        groups.values().forEach(g -> servers.addAll(g.members()));
        return Preflight.run(plan, groups, catalog.servers(servers), settings, clock.instant());
    }
}
