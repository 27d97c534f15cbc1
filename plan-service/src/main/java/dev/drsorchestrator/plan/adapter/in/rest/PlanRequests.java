package dev.drsorchestrator.plan.adapter.in.rest;

import dev.drsorchestrator.contracts.ids.ActionId;
import dev.drsorchestrator.contracts.ids.ProtectionGroupId;
import dev.drsorchestrator.contracts.ids.SourceServerId;
import dev.drsorchestrator.contracts.ids.WaveId;
import dev.drsorchestrator.contracts.model.DrillOptions;
import dev.drsorchestrator.contracts.model.ExecutionType;
import dev.drsorchestrator.contracts.model.FailurePolicy;
import dev.drsorchestrator.contracts.model.HttpCheckAction;
import dev.drsorchestrator.contracts.model.LambdaAction;
import dev.drsorchestrator.contracts.model.ManualApprovalAction;
import dev.drsorchestrator.contracts.model.SsmDocumentAction;
import dev.drsorchestrator.contracts.model.WaveAction;
import dev.drsorchestrator.plan.domain.FailbackSettings;
import dev.drsorchestrator.plan.domain.PlanDefinition;
import dev.drsorchestrator.plan.domain.PlanInvalid;
import dev.drsorchestrator.plan.domain.RequiredApprovals;
import dev.drsorchestrator.plan.domain.Violation;
import dev.drsorchestrator.plan.domain.Wave;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns a plan request into a definition, with defaults, and refuses what the field annotations cannot see: an
 * action without the fields its type needs, a malformed document name, function ARN or URL.
 */
final class PlanRequests {

    static final int DEFAULT_ACTION_TIMEOUT_SECONDS = 600;
    static final int DEFAULT_HTTP_INTERVAL_SECONDS = 10;

    private PlanRequests() {}

    static PlanDefinition toDefinition(PlanRequest r) {
        List<Violation> violations = new ArrayList<>();
        List<Wave> waves = new ArrayList<>();
        for (int i = 0; i < r.waves().size(); i++) {
            Wave wave = wave(r.waves().get(i), "waves[" + i + "]", violations);
            if (wave != null) {
                waves.add(wave);
            }
        }
        Map<ExecutionType, Integer> approvals = requiredApprovals(r.requiredApprovals(), violations);
        FailbackSettings failback = failback(r.failback(), violations);
        if (!violations.isEmpty()) {
            throw new PlanInvalid(violations);
        }
        return new PlanDefinition(
                r.name().strip(),
                r.description(),
                r.rtoSeconds(),
                r.rpoSeconds(),
                new DrillOptions(
                        r.drillTtlMinutes() == null ? DrillOptions.DEFAULT_TTL_MINUTES : r.drillTtlMinutes(),
                        r.autoCleanup() == null || r.autoCleanup()),
                r.notificationTopicArn(),
                approvals,
                waves,
                failback,
                r.drillNetworks() == null
                        ? List.of()
                        : r.drillNetworks().stream()
                                .map(DrillNetworkBody::toDomain)
                                .toList());
    }

    /** The failback settings with their defaults; a wave id that is no wave id is a violation naming it. */
    private static FailbackSettings failback(FailbackRequest f, List<Violation> violations) {
        if (f == null) {
            return FailbackSettings.DEFAULTS;
        }
        List<WaveId> order = null;
        if (f.waveOrder() != null) {
            order = new ArrayList<>();
            for (int i = 0; i < f.waveOrder().size(); i++) {
                String ref = f.waveOrder().get(i);
                if (ref != null && WaveId.PATTERN.matcher(ref).matches()) {
                    order.add(WaveId.of(ref));
                } else {
                    violations.add(new Violation("failback.waveOrder[" + i + "]", "'" + ref + "' is not a wave id"));
                }
            }
        }
        return new FailbackSettings(
                order,
                f.restoreDirection() == null || f.restoreDirection(),
                f.terminateRecoveryInstances() == null || f.terminateRecoveryInstances());
    }

    /** The given types with their values; an unknown type or a value out of range is a violation naming it. */
    private static Map<ExecutionType, Integer> requiredApprovals(
            Map<String, Integer> given, List<Violation> violations) {
        Map<ExecutionType, Integer> approvals = new EnumMap<>(ExecutionType.class);
        if (given == null) {
            return approvals;
        }
        given.forEach((key, n) -> {
            ExecutionType type = Arrays.stream(ExecutionType.values())
                    .filter(t -> t.name().equals(key))
                    .findFirst()
                    .orElse(null);
            if (type == null) {
                violations.add(new Violation(
                        "requiredApprovals." + key,
                        "unknown execution type '" + key + "'; the types are "
                                + Arrays.stream(ExecutionType.values())
                                        .map(Enum::name)
                                        .collect(Collectors.joining(", "))));
            } else {
                approvals.put(type, n);
            }
        });
        RequiredApprovals.check(approvals, violations);
        return approvals;
    }

    private static Wave wave(WaveRequest w, String at, List<Violation> violations) {
        String id = w.id() != null
                ? w.id()
                : w.name().strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_.-]+", "-");
        if (!WaveId.PATTERN.matcher(id).matches()) {
            violations.add(new Violation(
                    at + ".id", "the name '" + w.name() + "' gives no usable id; give the wave an id such as db-tier"));
            return null;
        }
        List<WaveId> dependsOn = null;
        if (w.dependsOn() != null) {
            dependsOn = new ArrayList<>();
            for (int j = 0; j < w.dependsOn().size(); j++) {
                String ref = w.dependsOn().get(j);
                if (WaveId.PATTERN.matcher(ref).matches()) {
                    dependsOn.add(WaveId.of(ref));
                } else {
                    violations.add(new Violation(at + ".dependsOn[" + j + "]", "'" + ref + "' is not a wave id"));
                }
            }
        }
        Map<SourceServerId, dev.drsorchestrator.contracts.model.Criticality> criticality = new LinkedHashMap<>();
        if (w.criticality() != null) {
            w.criticality().forEach((server, c) -> criticality.put(SourceServerId.of(server), c));
        }
        List<WaveAction> pre = actions(w.preActions(), at + ".preActions", "pre-", violations);
        List<WaveAction> post = actions(w.postActions(), at + ".postActions", "post-", violations);
        return new Wave(
                WaveId.of(id),
                w.name().strip(),
                w.order(),
                dependsOn,
                w.protectionGroupIds().stream().map(ProtectionGroupId::of).toList(),
                w.failurePolicy() == null ? FailurePolicy.FAIL_FAST : w.failurePolicy(),
                criticality,
                Boolean.TRUE.equals(w.approvalRequired()),
                w.waitAfterSeconds() == null ? 0 : w.waitAfterSeconds(),
                w.timeoutMinutes() == null ? Wave.DEFAULT_TIMEOUT_MINUTES : w.timeoutMinutes(),
                pre,
                post);
    }

    private static List<WaveAction> actions(
            List<ActionRequest> requests, String at, String idPrefix, List<Violation> violations) {
        List<WaveAction> actions = new ArrayList<>();
        if (requests == null) {
            return actions;
        }
        for (int i = 0; i < requests.size(); i++) {
            ActionRequest a = requests.get(i);
            String field = at + "[" + i + "]";
            ActionId id = ActionId.of(a.actionId() != null ? a.actionId() : idPrefix + (i + 1));
            boolean goOn = Boolean.TRUE.equals(a.continueOnFailure());
            int timeout = a.timeoutSeconds() == null ? DEFAULT_ACTION_TIMEOUT_SECONDS : a.timeoutSeconds();
            try {
                WaveAction action =
                        switch (a.type()) {
                            case SSM_DOCUMENT -> {
                                require(a.documentName(), field, "documentName", "SSM_DOCUMENT");
                                if (!SsmDocumentAction.DOCUMENT_NAME
                                        .matcher(a.documentName())
                                        .matches()) {
                                    throw new FieldProblem(
                                            field + ".documentName",
                                            "'" + a.documentName()
                                                    + "' is not an SSM document name: 3-128 letters, digits, '_', '.' or '-'"
                                                    + " (such as AWS-RunShellScript), or a document ARN");
                                }
                                yield new SsmDocumentAction(
                                        id, a.name(), goOn, timeout, a.documentName(), a.parameters());
                            }
                            case LAMBDA -> {
                                require(a.functionArn(), field, "functionArn", "LAMBDA");
                                if (!LambdaAction.FUNCTION_ARN
                                        .matcher(a.functionArn())
                                        .matches()) {
                                    throw new FieldProblem(
                                            field + ".functionArn",
                                            "'" + a.functionArn()
                                                    + "' is not a Lambda function ARN such as"
                                                    + " arn:aws:lambda:us-east-1:111122223333:function:warm-cache");
                                }
                                yield new LambdaAction(id, a.name(), goOn, timeout, a.functionArn(), a.payload());
                            }
                            case HTTP_CHECK -> {
                                require(a.url(), field, "url", "HTTP_CHECK");
                                int interval = a.intervalSeconds() == null
                                        ? Math.min(DEFAULT_HTTP_INTERVAL_SECONDS, timeout)
                                        : a.intervalSeconds();
                                yield new HttpCheckAction(
                                        id,
                                        a.name(),
                                        goOn,
                                        timeout,
                                        a.url(),
                                        a.expectedStatus() == null ? 200 : a.expectedStatus(),
                                        interval);
                            }
                            case MANUAL_APPROVAL -> {
                                require(a.message(), field, "message", "MANUAL_APPROVAL");
                                yield new ManualApprovalAction(id, a.name(), goOn, a.message());
                            }
                        };
                actions.add(action);
            } catch (FieldProblem e) {
                violations.add(new Violation(e.field, e.getMessage()));
            } catch (IllegalArgumentException e) {
                violations.add(new Violation(field, e.getMessage()));
            }
        }
        return actions;
    }

    private static void require(String value, String at, String name, String type) {
        if (value == null || value.isBlank()) {
            throw new FieldProblem(at + "." + name, "is required for a " + type + " action");
        }
    }

    private static final class FieldProblem extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String field;

        FieldProblem(String field, String reason) {
            super(reason, null, false, false);
            this.field = field;
        }
    }
}
