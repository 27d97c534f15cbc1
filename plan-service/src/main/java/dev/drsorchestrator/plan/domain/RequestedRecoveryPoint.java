package dev.drsorchestrator.plan.domain;

import dev.drsorchestrator.contracts.ids.SourceServerId;
import dev.drsorchestrator.contracts.model.ExecutionType;
import dev.drsorchestrator.contracts.model.RecoveryPoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The point in time a person asked an execution to launch from, as they sent it: the latest snapshot taken at or
 * before {@code latestBefore}, or a DRS recovery snapshot per server. {@link #check} names every problem at once;
 * what passes becomes the {@link RecoveryPoint} the execution carries.
 */
public record RequestedRecoveryPoint(
        @Nullable Instant latestBefore, @Nullable List<Choice> snapshots) {

    static final String FIELD = "recoveryPoint";

    /** One server's snapshot as sent; either part may be missing or malformed until checked. */
    public record Choice(
            @Nullable String sourceServerId, @Nullable String snapshotId) {}

    public RequestedRecoveryPoint {
        snapshots = snapshots == null ? null : Collections.unmodifiableList(new ArrayList<>(snapshots));
    }

    /**
     * Every reason to refuse it, each naming its field ({@code recoveryPoint.snapshots[2].snapshotId}): any recovery
     * point on a run back to the origin, both forms at once, a time in the future, a malformed server or snapshot id,
     * a server listed twice or not in the plan's waves.
     *
     * @param planServers the servers of the plan's waves, resolved now
     */
    public List<Violation> check(ExecutionType type, Instant now, Set<SourceServerId> planServers) {
        List<Violation> violations = new ArrayList<>();
        if (type.returnsToOrigin()) {
            violations.add(new Violation(
                    FIELD,
                    "a " + type + " acts on recovery instances, not snapshots; leave recoveryPoint out (only a DRILL or"
                            + " RECOVERY launches from a point in time)"));
        }
        List<Choice> choices = snapshots == null ? List.of() : snapshots;
        if (latestBefore != null && !choices.isEmpty()) {
            violations.add(new Violation(
                    FIELD,
                    "give latestBefore (the latest snapshot at or before a time) or snapshots (one per server), not"
                            + " both"));
        }
        if (latestBefore != null && latestBefore.isAfter(now)) {
            violations.add(new Violation(
                    FIELD + ".latestBefore",
                    "'" + latestBefore + "' is in the future (it is " + now + "); give a time at or before now"));
        }
        Map<SourceServerId, Integer> first = new HashMap<>();
        for (int i = 0; i < choices.size(); i++) {
            String at = FIELD + ".snapshots[" + i + "]";
            Choice choice = choices.get(i);
            if (choice == null) {
                violations.add(new Violation(at, "must be an object with sourceServerId and snapshotId"));
                continue;
            }
            String server = choice.sourceServerId();
            if (server == null || !SourceServerId.PATTERN.matcher(server).matches()) {
                violations.add(new Violation(
                        at + ".sourceServerId",
                        (server == null ? "is required" : "'" + server + "' is not a DRS source server id")
                                + ": s- and 17 lower-case hex digits"));
            } else {
                SourceServerId id = SourceServerId.of(server);
                Integer earlier = first.putIfAbsent(id, i);
                if (earlier != null) {
                    violations.add(new Violation(
                            at + ".sourceServerId",
                            "'" + server + "' is already listed at " + FIELD + ".snapshots[" + earlier
                                    + "]; give one snapshot per server"));
                } else if (!planServers.contains(id)) {
                    violations.add(new Violation(
                            at + ".sourceServerId",
                            "'" + server + "' is not in the plan's waves (the members of its protection groups now)"));
                }
            }
            String snapshot = choice.snapshotId();
            if (snapshot == null || !RecoveryPoint.SNAPSHOT_ID.matcher(snapshot).matches()) {
                violations.add(new Violation(
                        at + ".snapshotId",
                        (snapshot == null ? "is required" : "'" + snapshot + "' is not a DRS recovery snapshot id")
                                + ": pit- and 17 letters or digits, as DescribeRecoverySnapshots lists them"));
            }
        }
        return violations;
    }

    /** The recovery point, once {@link #check} found nothing: {@link RecoveryPoint#LATEST} when both are empty. */
    public RecoveryPoint value() {
        List<Choice> choices = snapshots == null ? List.of() : snapshots;
        if (latestBefore == null && choices.isEmpty()) {
            return RecoveryPoint.LATEST;
        }
        return new RecoveryPoint(
                latestBefore,
                choices.stream()
                        .map(c -> new RecoveryPoint.ServerSnapshotChoice(
                                SourceServerId.of(c.sourceServerId()), c.snapshotId()))
                        .toList());
    }
}
