package dev.drsorchestrator.plan.domain;

import dev.drsorchestrator.contracts.events.plan.ExecutionRequested;
import dev.drsorchestrator.contracts.model.ExecutionType;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How many distinct people, none of them the requester, must approve an execution before its first wave (the
 * two-person rule), and why: the plan's value for the execution type, or what an alarm binding's mode asks for.
 *
 * @param count 0 (it starts at once) to {@value ExecutionRequested#MAX_REQUIRED_APPROVALS}
 * @param reason for people to read, kept with the execution
 */
public record RequiredApprovals(int count, String reason) {

    /** The most approvals a plan may ask for. */
    public static final int MAX = ExecutionRequested.MAX_REQUIRED_APPROVALS;

    /**
     * What a plan asks for when it says nothing: a drill runs at once, and so does a reprotect (it only starts
     * replication back towards the origin); a recovery or failback needs one approval.
     */
    public static final Map<ExecutionType, Integer> DEFAULTS = Collections.unmodifiableMap(new EnumMap<>(Map.of(
            ExecutionType.DRILL, 0,
            ExecutionType.RECOVERY, 1,
            ExecutionType.REPROTECT, 0,
            ExecutionType.FAILBACK, 1)));

    /** A plan's values with the defaults for the types it leaves out, in type order. */
    public static Map<ExecutionType, Integer> withDefaults(@Nullable Map<ExecutionType, Integer> given) {
        Map<ExecutionType, Integer> all = new EnumMap<>(DEFAULTS);
        if (given != null) {
            given.forEach((type, n) -> {
                if (type != null && n != null) {
                    all.put(type, n);
                }
            });
        }
        return Collections.unmodifiableMap(all);
    }

    /**
     * The rules a plan's values must meet, each violation naming its field ({@code requiredApprovals.RECOVERY}): 0 to
     * {@value #MAX}, and at least 1 for a RECOVERY or FAILBACK, which a second person must approve (the two-person
     * rule); a DRILL or REPROTECT may need none.
     */
    public static void check(Map<ExecutionType, Integer> values, List<Violation> violations) {
        values.forEach((type, n) -> {
            String field = "requiredApprovals." + type;
            if (n == null || n < 0 || n > MAX) {
                violations.add(new Violation(field, "must be from 0 to " + MAX + " but was " + n));
            } else if (n < 1 && needsSecondPerson(type)) {
                violations.add(new Violation(
                        field,
                        "must be at least 1: a " + type.name().toLowerCase(java.util.Locale.ROOT)
                                + " needs a second person (the two-person rule)"));
            }
        });
    }

    /** Whether the two-person rule applies: a RECOVERY or FAILBACK moves production, so someone else must approve. */
    public static boolean needsSecondPerson(ExecutionType type) {
        return type == ExecutionType.RECOVERY || type == ExecutionType.FAILBACK;
    }

    /** What a person's request or a schedule needs: the plan's value for the type. */
    public static RequiredApprovals forType(PlanDefinition plan, ExecutionType type) {
        int n = plan.requiredApprovals(type);
        return new RequiredApprovals(
                n,
                n == 0
                        ? "the plan requires no approval for a " + type
                        : "the plan requires " + approvals(n) + " for a " + type);
    }

    /**
     * What an alarm's execution needs: none in AUTO mode (it is said so, with the binding), at least one in APPROVAL
     * mode (the plan's value when it asks for more).
     */
    public static RequiredApprovals forAlarm(PlanDefinition plan, AlarmBinding binding) {
        if (binding.mode() == AlarmBinding.Mode.AUTO) {
            return new RequiredApprovals(
                    0,
                    "alarm binding '" + binding.alarmName() + "' is in AUTO mode: the " + binding.executionType()
                            + " starts without approval");
        }
        int n = Math.max(1, plan.requiredApprovals(binding.executionType()));
        return new RequiredApprovals(
                n,
                "alarm binding '" + binding.alarmName() + "' is in APPROVAL mode: the " + binding.executionType()
                        + " waits for " + approvals(n));
    }

    private static String approvals(int n) {
        return n + (n == 1 ? " approval" : " approvals");
    }

    public RequiredApprovals {
        if (count < 0 || count > MAX) {
            throw new IllegalArgumentException("requiredApprovals must be from 0 to " + MAX + " but was " + count);
        }
    }
}
