package dev.drsorchestrator.plan.domain;

import dev.drsorchestrator.contracts.ids.ProtectionGroupId;
import dev.drsorchestrator.contracts.ids.WaveId;
import dev.drsorchestrator.contracts.model.WaveAction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The rules a plan must meet beyond the shape of its fields: the waves form a DAG of known waves, each group is known
 * to the catalog and used by one wave only, ids and names are unique, a failback wave order names each wave once.
 * Every violation names its field.
 */
public final class PlanValidator {

    private PlanValidator() {}

    public static List<Violation> check(PlanDefinition plan, Map<ProtectionGroupId, CatalogGroup> known) {
        List<Violation> violations = new ArrayList<>();
        List<Wave> waves = plan.waves();
        if (waves.isEmpty()) {
            violations.add(new Violation("waves", "a plan needs at least one wave"));
            return violations;
        }
        if (plan.rtoSeconds() != null && plan.rtoSeconds() < 0) {
            violations.add(new Violation("rtoSeconds", "must be 0 or more seconds but was " + plan.rtoSeconds()));
        }
        if (plan.rpoSeconds() != null && plan.rpoSeconds() < 0) {
            violations.add(new Violation("rpoSeconds", "must be 0 or more seconds but was " + plan.rpoSeconds()));
        }
        RequiredApprovals.check(plan.requiredApprovals(), violations);
        Set<WaveId> ids = waves.stream().map(Wave::id).collect(Collectors.toSet());
        Map<WaveId, Integer> firstId = new HashMap<>();
        Map<String, Integer> firstName = new HashMap<>();
        Map<ProtectionGroupId, Integer> groupWave = new HashMap<>();
        for (int i = 0; i < waves.size(); i++) {
            Wave wave = waves.get(i);
            String at = "waves[" + i + "]";
            Integer sameId = firstId.putIfAbsent(wave.id(), i);
            if (sameId != null) {
                violations.add(
                        new Violation(at + ".id", "'" + wave.id() + "' is also the id of waves[" + sameId + "]"));
            }
            Integer sameName = firstName.putIfAbsent(wave.name().toLowerCase(Locale.ROOT), i);
            if (sameName != null) {
                violations.add(new Violation(
                        at + ".name", "'" + wave.name() + "' is also the name of waves[" + sameName + "]"));
            }
            if (wave.order() != null && wave.dependsOn() != null) {
                violations.add(new Violation(
                        at,
                        "give either order or dependsOn, not both: order runs after every lower order,"
                                + " dependsOn after exactly the waves listed"));
            }
            checkReferences(wave, at, ids, violations);
            checkGroups(wave, i, known, groupWave, violations);
            checkActionIds(wave, at, violations);
        }
        if (violations.isEmpty()) {
            Optional<List<WaveId>> cycle = WaveGraph.of(waves).cycle();
            cycle.ifPresent(c -> violations.add(new Violation(
                    "waves",
                    "the waves' dependencies form a cycle: "
                            + c.stream().map(WaveId::value).collect(Collectors.joining(" -> "))
                            + "; remove one of these dependencies")));
        }
        checkFailbackOrder(plan.failback().waveOrder(), waves, violations);
        return violations;
    }

    /** A failback wave order names each of the plan's waves exactly once. */
    private static void checkFailbackOrder(@Nullable List<WaveId> order, List<Wave> waves, List<Violation> violations) {
        if (order == null) {
            return;
        }
        Set<WaveId> ids = waves.stream().map(Wave::id).collect(Collectors.toSet());
        Map<WaveId, Integer> first = new HashMap<>();
        for (int j = 0; j < order.size(); j++) {
            WaveId wave = order.get(j);
            String field = "failback.waveOrder[" + j + "]";
            if (!ids.contains(wave)) {
                violations.add(new Violation(
                        field,
                        "unknown wave '" + wave + "'; the plan's waves are "
                                + ids.stream().map(WaveId::value).sorted().collect(Collectors.joining(", "))));
                continue;
            }
            Integer earlier = first.putIfAbsent(wave, j);
            if (earlier != null) {
                violations.add(new Violation(
                        field,
                        "'" + wave + "' is already at failback.waveOrder[" + earlier + "]; name each wave once"));
            }
        }
        List<String> missing = waves.stream()
                .map(Wave::id)
                .filter(id -> !first.containsKey(id))
                .map(id -> "'" + id + "'")
                .distinct()
                .toList();
        if (!missing.isEmpty()) {
            violations.add(new Violation(
                    "failback.waveOrder",
                    "leaves out " + (missing.size() == 1 ? "the wave " : "the waves ") + String.join(", ", missing)
                            + "; the order must name every wave of the plan exactly once"));
        }
    }

    private static void checkReferences(Wave wave, String at, Set<WaveId> ids, List<Violation> violations) {
        if (wave.dependsOn() == null) {
            return;
        }
        for (int j = 0; j < wave.dependsOn().size(); j++) {
            WaveId dependency = wave.dependsOn().get(j);
            String field = at + ".dependsOn[" + j + "]";
            if (dependency.equals(wave.id())) {
                violations.add(new Violation(field, "a wave cannot depend on itself ('" + dependency + "')"));
            } else if (!ids.contains(dependency)) {
                violations.add(new Violation(
                        field,
                        "unknown wave '" + dependency + "'; the plan's waves are "
                                + ids.stream().map(WaveId::value).sorted().collect(Collectors.joining(", "))));
            }
        }
    }

    private static void checkGroups(
            Wave wave,
            int index,
            Map<ProtectionGroupId, CatalogGroup> known,
            Map<ProtectionGroupId, Integer> groupWave,
            List<Violation> violations) {
        String at = "waves[" + index + "]";
        if (wave.protectionGroupIds().isEmpty()) {
            violations.add(new Violation(at + ".protectionGroupIds", "a wave needs at least one protection group"));
        }
        for (int j = 0; j < wave.protectionGroupIds().size(); j++) {
            ProtectionGroupId group = wave.protectionGroupIds().get(j);
            String field = at + ".protectionGroupIds[" + j + "]";
            CatalogGroup g = known.get(group);
            if (g == null || g.deleted()) {
                violations.add(new Violation(
                        field,
                        "unknown protection group '" + group + "'"
                                + (g == null ? "" : " (it was deleted)")
                                + "; create it in catalog-service first, or check the id"));
            }
            Integer other = groupWave.putIfAbsent(group, index);
            if (other != null) {
                violations.add(new Violation(
                        field,
                        "protection group '" + group + "' is already in "
                                + (other == index ? "this wave" : "waves[" + other + "]")
                                + "; a group can be recovered by one wave only"));
            }
        }
    }

    private static void checkActionIds(Wave wave, String at, List<Violation> violations) {
        Set<String> seen = new HashSet<>();
        List<WaveAction> all = new ArrayList<>(wave.preActions());
        all.addAll(wave.postActions());
        for (int j = 0; j < all.size(); j++) {
            WaveAction action = all.get(j);
            boolean pre = j < wave.preActions().size();
            String field = at
                    + (pre
                            ? ".preActions[" + j + "]"
                            : ".postActions[" + (j - wave.preActions().size()) + "]") + ".id";
            if (!seen.add(action.actionId().value())) {
                violations.add(new Violation(
                        field,
                        "'" + action.actionId() + "' is used by another action of this wave; ids must be unique"));
            }
        }
    }
}
