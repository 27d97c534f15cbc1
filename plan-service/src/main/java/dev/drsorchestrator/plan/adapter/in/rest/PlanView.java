package dev.drsorchestrator.plan.adapter.in.rest;

import dev.drsorchestrator.contracts.model.Criticality;
import dev.drsorchestrator.contracts.model.ExecutionType;
import dev.drsorchestrator.contracts.model.FailurePolicy;
import dev.drsorchestrator.contracts.model.WaveAction;
import dev.drsorchestrator.plan.domain.FailbackSettings;
import dev.drsorchestrator.plan.domain.LastExecution;
import dev.drsorchestrator.plan.domain.PlanDefinition;
import dev.drsorchestrator.plan.domain.RecoveryPlan;
import dev.drsorchestrator.plan.domain.Wave;
import dev.drsorchestrator.plan.domain.WaveGraph;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A plan as the API shows it: the definition as given (with defaults), versions, and its last execution. */
@Schema(name = "RecoveryPlan")
public record PlanView(
        String id,
        String name,
        String description,
        Integer rtoSeconds,
        Integer rpoSeconds,
        int drillTtlMinutes,
        boolean autoCleanup,
        String notificationTopicArn,

        @Schema(description = "Per execution type, how many people other than the requester must approve")
        Map<ExecutionType, Integer> requiredApprovals,

        List<WaveView> waves,

        @Schema(description = "How the plan returns to its origin (REPROTECT, FAILBACK), with the defaults filled in")
        FailbackView failback,

        @Schema(description = "Where the plan's drills launch, per account and Region (empty: none set)")
        List<DrillNetworkBody> drillNetworks,

        long version,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        String updatedBy,

        @Schema(description = "Absent in lists and before the first execution")
        LastExecutionView lastExecution) {

    /** A wave as given, plus {@code runsAfter}: the waves it waits for, resolved from order or dependsOn. */
    public record WaveView(
            String id,
            String name,
            Integer order,
            List<String> dependsOn,
            List<String> runsAfter,
            List<String> protectionGroupIds,
            FailurePolicy failurePolicy,
            Map<String, Criticality> criticality,
            boolean approvalRequired,
            int waitAfterSeconds,
            int timeoutMinutes,
            List<WaveAction> preActions,
            List<WaveAction> postActions) {}

    /**
     * The failback settings; {@code returnsAfter} is, per wave, the waves it waits for on the way back (the chain of
     * {@code waveOrder}, or the plan's dependencies reversed).
     */
    public record FailbackView(
            List<String> waveOrder,
            boolean restoreDirection,
            boolean terminateRecoveryInstances,
            Map<String, List<String>> returnsAfter) {}

    public record LastExecutionView(
            String executionId,
            String type,
            String trigger,
            String status,
            Instant requestedAt,
            Instant updatedAt,
            String detail) {}

    static PlanView of(RecoveryPlan plan, LastExecution last) {
        PlanDefinition d = plan.definition();
        WaveGraph graph = WaveGraph.of(d.waves());
        return new PlanView(
                plan.id().value(),
                d.name(),
                d.description(),
                d.rtoSeconds(),
                d.rpoSeconds(),
                d.drillOptions().drillTtlMinutes(),
                d.drillOptions().autoCleanup(),
                d.notificationTopicArn(),
                d.requiredApprovals(),
                d.waves().stream().map(w -> wave(w, graph)).toList(),
                failback(d),
                d.drillNetworks().stream().map(DrillNetworkBody::of).toList(),
                plan.version(),
                plan.createdAt(),
                plan.createdBy(),
                plan.updatedAt(),
                plan.updatedBy(),
                last == null
                        ? null
                        : new LastExecutionView(
                                last.executionId().value(),
                                last.type().name(),
                                last.trigger().name(),
                                last.status().name(),
                                last.requestedAt(),
                                last.updatedAt(),
                                last.detail()));
    }

    private static FailbackView failback(PlanDefinition d) {
        FailbackSettings f = d.failback();
        WaveGraph back = WaveGraph.returning(d.waves(), f.waveOrder());
        Map<String, List<String>> returnsAfter = new LinkedHashMap<>();
        d.waves()
                .forEach(w -> returnsAfter.put(
                        w.id().value(),
                        back.dependenciesOf(w.id()).stream()
                                .map(Object::toString)
                                .toList()));
        return new FailbackView(
                f.waveOrder() == null
                        ? null
                        : f.waveOrder().stream().map(Object::toString).toList(),
                f.restoreDirection(),
                f.terminateRecoveryInstances(),
                returnsAfter);
    }

    private static WaveView wave(Wave w, WaveGraph graph) {
        Map<String, Criticality> criticality = new TreeMap<>();
        w.criticality().forEach((k, v) -> criticality.put(k.value(), v));
        return new WaveView(
                w.id().value(),
                w.name(),
                w.order(),
                w.dependsOn() == null
                        ? null
                        : w.dependsOn().stream().map(Object::toString).toList(),
                graph.dependenciesOf(w.id()).stream().map(Object::toString).toList(),
                w.protectionGroupIds().stream().map(Object::toString).toList(),
                w.failurePolicy(),
                criticality,
                w.approvalRequired(),
                w.waitAfterSeconds(),
                w.timeoutMinutes(),
                w.preActions(),
                w.postActions());
    }
}
