package dev.drsorchestrator.kit.auth;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The roles SRM users know, least to most. Each role may do everything the roles before it may: a {@code planner} is
 * also a {@code viewer}, an {@code admin} is everything. Endpoints declare the least role they need with
 * {@code @RolesAllowed}; {@link #implied} gives a caller every role their groups or scopes include.
 */
public final class Roles {

    /** Reads everything (except the audit trail). */
    public static final String VIEWER = "viewer";
    /** Protection groups, recovery plans, drill schedules, alarm bindings, subscriptions. */
    public static final String PLANNER = "planner";
    /** Starts DRILLs, controls and cleans up drills. */
    public static final String DRILL_OPERATOR = "drill-operator";
    /** Starts RECOVERY and FAILBACK and controls them. */
    public static final String RECOVERY_OPERATOR = "recovery-operator";
    /** Approves executions and wave gates (never their own request: the two-person rule). */
    public static final String APPROVER = "approver";
    /** Everything, including DRS account sync, notification retries and the audit trail. */
    public static final String ADMIN = "admin";

    /** Least to most. */
    public static final List<String> LADDER =
            List.of(VIEWER, PLANNER, DRILL_OPERATOR, RECOVERY_OPERATOR, APPROVER, ADMIN);

    private Roles() {}

    /** The granted roles with every role below them; names that are not roles are dropped. */
    public static Set<String> implied(Collection<String> granted) {
        int highest = -1;
        for (String role : granted) {
            highest = Math.max(highest, LADDER.indexOf(role));
        }
        return new LinkedHashSet<>(LADDER.subList(0, highest + 1));
    }

    /** The roles that include {@code role}: it and every role above it. */
    public static List<String> including(String role) {
        int at = LADDER.indexOf(role);
        return at < 0 ? List.of(role) : LADDER.subList(at, LADDER.size());
    }
}
