package dev.drsorchestrator.plan.application;

import dev.drsorchestrator.contracts.ids.PlanId;
import dev.drsorchestrator.contracts.model.ExecutionType;
import dev.drsorchestrator.plan.config.PlanConfig;
import dev.drsorchestrator.plan.domain.Activation;
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
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Reads plans, their last execution, their activations, and what running one now would meet. */
@ApplicationScoped
public class PlanQueries {

    private final PlanStore plans;
    private final ReadModels readModels;
    private final ExecutionLog executions;
    private final PreflightSettings settings;
    private final Clock clock;

    PlanQueries(PlanStore plans, ReadModels readModels, ExecutionLog executions, PlanConfig config, Clock clock) {
        this.plans = plans;
        this.readModels = readModels;
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

    /** @param type the execution type to check for, or null for none in particular */
    public PreflightReport preflight(PlanId id, @Nullable ExecutionType type) {
        RecoveryPlan plan = plan(id);
        ReadModels.Around around = readModels.around(plan.definition());
        return Preflight.run(
                plan, type, around.groups(), around.servers(), around.networks(), settings, clock.instant());
    }
}
