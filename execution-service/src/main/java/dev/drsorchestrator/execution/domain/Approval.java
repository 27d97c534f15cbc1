package dev.drsorchestrator.execution.domain;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One person's approval, kept with the execution (its own gate) or with the wave (a wave's gate or manual action).
 *
 * @param approver the approver's readable name
 * @param approverId the verified subject behind the name, when the caller was verified
 * @param comment what the approver said, if anything
 * @param actionId for a wave's manual-approval action: which one (absent for a gate)
 */
public record Approval(
        String approver,
        @Nullable String approverId,
        Instant approvedAt,
        @Nullable String comment,
        @Nullable String actionId) {

    /** The same person: by subject when both sides have one, else by name (ignoring case). */
    public boolean samePersonAs(String name, @Nullable String id) {
        return samePerson(approver, approverId, name, id);
    }

    public static boolean samePerson(String name, @Nullable String id, String otherName, @Nullable String otherId) {
        if (id != null && otherId != null) {
            return id.equals(otherId);
        }
        return name.equalsIgnoreCase(otherName);
    }
}
