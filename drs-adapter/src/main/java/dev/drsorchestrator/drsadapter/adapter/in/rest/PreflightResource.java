package dev.drsorchestrator.drsadapter.adapter.in.rest;

import dev.drsorchestrator.contracts.ids.AccountId;
import dev.drsorchestrator.contracts.ids.SourceServerId;
import dev.drsorchestrator.contracts.model.Criticality;
import dev.drsorchestrator.contracts.model.ExecutionType;
import dev.drsorchestrator.contracts.model.RecoveryPoint;
import dev.drsorchestrator.contracts.model.ServerNotReady;
import dev.drsorchestrator.contracts.model.ServerSnapshot;
import dev.drsorchestrator.drsadapter.application.FailbackService;
import dev.drsorchestrator.drsadapter.application.LaunchService;
import dev.drsorchestrator.drsadapter.domain.FailbackServer;
import dev.drsorchestrator.kit.auth.Roles;
import dev.drsorchestrator.kit.rest.FieldError;
import dev.drsorchestrator.kit.rest.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jspecify.annotations.Nullable;

/**
 * Asks DRS now what a wave of these servers would meet, with the very checks a launch makes: for a DRILL or RECOVERY
 * each server's replication and the snapshot a recovery point picks; for a REPROTECT or FAILBACK its origin, its
 * recovery instance, its reversed server, and the step it would start at. Nothing is changed.
 */
@Path("/drs/preflight")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PreflightResource {

    /** The most servers one preflight asks DRS about. */
    static final int MAX_SERVERS = 1000;

    private final LaunchService launches;
    private final FailbackService failbacks;

    PreflightResource(LaunchService launches, FailbackService failbacks) {
        this.launches = launches;
        this.failbacks = failbacks;
    }

    /** The question: an execution type, the servers, and for a DRILL or RECOVERY an RPO and a recovery point. */
    public record PreflightRequest(
            @Nullable String executionType,
            @Nullable Integer rpoSeconds,
            @Nullable PointRequest recoveryPoint,
            @Nullable List<ServerRequest> servers) {}

    public record PointRequest(
            @Nullable String latestBefore, @Nullable List<SnapshotRequest> snapshots) {}

    public record SnapshotRequest(
            @Nullable String sourceServerId, @Nullable String snapshotId) {}

    public record ServerRequest(
            @Nullable String sourceServerId,
            @Nullable String accountId,
            @Nullable String region,
            @Nullable String criticality) {}

    /** The answer: how many can go, and each server's verdict. */
    public record Preflight(String executionType, int ready, int notReady, List<ServerCheck> servers) {}

    /**
     * One server: {@code ready}, or why not ({@code reason}, {@code detail}); the snapshot it launches from when a
     * recovery point was given; for a REPROTECT or FAILBACK its origin and the step it starts at.
     */
    public record ServerCheck(
            String sourceServerId,
            String accountId,
            String region,
            Criticality criticality,
            boolean ready,
            @Nullable String reason,
            @Nullable String detail,
            @Nullable String snapshotId,
            @Nullable Instant snapshotTime,
            @Nullable String origin,
            @Nullable String startsAt,
            @Nullable String startsWith) {}

    @POST
    @RolesAllowed(Roles.PLANNER)
    @Operation(
            summary = "Preflight a DRILL, RECOVERY, REPROTECT or FAILBACK of these servers against DRS now: which can"
                    + " go, which cannot and why, the snapshot a recovery point picks, the step each starts at")
    public Preflight preflight(@Nullable PreflightRequest body) {
        List<FieldError> errors = new ArrayList<>();
        if (body == null) {
            throw ProblemException.invalid(
                    "body", "send {executionType, servers: [{sourceServerId, accountId, region}], …}");
        }
        ExecutionType type = type(body.executionType(), errors);
        if (body.rpoSeconds() != null && body.rpoSeconds() < 0) {
            errors.add(new FieldError("rpoSeconds", "must not be negative"));
        }
        List<ServerSnapshot> servers = servers(body.servers(), errors);
        RecoveryPoint point = point(body.recoveryPoint(), servers, errors);
        if (type != null && type.returnsToOrigin() && !point.isLatest()) {
            errors.add(new FieldError(
                    "recoveryPoint",
                    "a " + type + " acts on recovery instances, not snapshots; give a recovery point only for a"
                            + " DRILL or RECOVERY"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        List<ServerCheck> checks = new ArrayList<>();
        if (type.returnsToOrigin()) {
            for (var c : failbacks.check(type, servers)) {
                FailbackServer start = c.start();
                checks.add(check(
                        c.server(),
                        c.problem(),
                        null,
                        null,
                        start == null ? null : start.origin.describe(),
                        start == null ? null : start.step.name(),
                        start == null ? null : start.detail));
            }
        } else {
            for (var c : launches.check(servers, body.rpoSeconds(), point)) {
                checks.add(check(
                        c.server(),
                        c.problem(),
                        c.snapshot() == null ? null : c.snapshot().snapshotId(),
                        c.snapshot() == null ? null : c.snapshot().snapshotTime(),
                        null,
                        null,
                        null));
            }
        }
        int ready = (int) checks.stream().filter(ServerCheck::ready).count();
        return new Preflight(type.name(), ready, checks.size() - ready, checks);
    }

    private static ServerCheck check(
            ServerSnapshot s,
            @Nullable ServerNotReady problem,
            @Nullable String snapshotId,
            @Nullable Instant snapshotTime,
            @Nullable String origin,
            @Nullable String startsAt,
            @Nullable String startsWith) {
        return new ServerCheck(
                s.sourceServerId().value(),
                s.accountId().value(),
                s.region(),
                s.criticality(),
                problem == null,
                problem == null ? null : problem.reason().name(),
                problem == null ? null : problem.detail(),
                snapshotId,
                snapshotTime,
                origin,
                startsAt,
                startsWith);
    }

    private static @Nullable ExecutionType type(@Nullable String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError("executionType", "required: DRILL, RECOVERY, REPROTECT or FAILBACK"));
            return null;
        }
        try {
            return ExecutionType.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(
                    new FieldError("executionType", "'" + value + "' is not DRILL, RECOVERY, REPROTECT or FAILBACK"));
            return null;
        }
    }

    private static List<ServerSnapshot> servers(@Nullable List<ServerRequest> given, List<FieldError> errors) {
        if (given == null || given.isEmpty()) {
            errors.add(new FieldError("servers", "required: 1 to " + MAX_SERVERS + " servers"));
            return List.of();
        }
        if (given.size() > MAX_SERVERS) {
            errors.add(new FieldError(
                    "servers", "at most " + MAX_SERVERS + " servers in one preflight, got " + given.size()));
            return List.of();
        }
        List<ServerSnapshot> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            ServerRequest s = given.get(i);
            String at = "servers[" + i + "]";
            if (s == null) {
                errors.add(new FieldError(at, "must be an object"));
                continue;
            }
            int before = errors.size();
            SourceServerId id = parse(s.sourceServerId(), at + ".sourceServerId", SourceServerId::of, errors);
            AccountId account = parse(s.accountId(), at + ".accountId", AccountId::of, errors);
            String region = parse(
                    s.region(),
                    at + ".region",
                    r -> {
                        dev.drsorchestrator.contracts.Require.region(r, "region");
                        return r;
                    },
                    errors);
            Criticality criticality = s.criticality() == null
                    ? Criticality.CRITICAL
                    : parse(
                            s.criticality(),
                            at + ".criticality",
                            c -> Criticality.valueOf(c.toUpperCase(Locale.ROOT)),
                            errors);
            if (id != null && !seen.add(id.value())) {
                errors.add(new FieldError(at + ".sourceServerId", id + " is listed twice"));
            }
            if (errors.size() == before) {
                out.add(new ServerSnapshot(id, account, region, criticality, null));
            }
        }
        return out;
    }

    private static RecoveryPoint point(
            @Nullable PointRequest given, List<ServerSnapshot> servers, List<FieldError> errors) {
        if (given == null) {
            return RecoveryPoint.LATEST;
        }
        Instant before = null;
        if (given.latestBefore() != null) {
            try {
                before = Instant.parse(given.latestBefore());
            } catch (DateTimeParseException e) {
                errors.add(new FieldError(
                        "recoveryPoint.latestBefore", "'" + given.latestBefore() + "' is not an ISO-8601 instant"));
            }
        }
        List<RecoveryPoint.ServerSnapshotChoice> choices = new ArrayList<>();
        List<SnapshotRequest> snapshots = given.snapshots() == null ? List.of() : given.snapshots();
        Set<String> planned = new HashSet<>();
        servers.forEach(s -> planned.add(s.sourceServerId().value()));
        for (int i = 0; i < snapshots.size(); i++) {
            SnapshotRequest c = snapshots.get(i);
            String at = "recoveryPoint.snapshots[" + i + "]";
            if (c == null) {
                errors.add(new FieldError(at, "must be an object"));
                continue;
            }
            int before0 = errors.size();
            SourceServerId id = parse(c.sourceServerId(), at + ".sourceServerId", SourceServerId::of, errors);
            if (id != null && !planned.contains(id.value())) {
                errors.add(new FieldError(at + ".sourceServerId", id + " is not one of the servers asked about"));
            }
            if (c.snapshotId() == null
                    || !RecoveryPoint.SNAPSHOT_ID.matcher(c.snapshotId()).matches()) {
                errors.add(new FieldError(at + ".snapshotId", "a DRS recovery snapshot id: pit- and 17 characters"));
            }
            if (errors.size() == before0) {
                choices.add(new RecoveryPoint.ServerSnapshotChoice(id, c.snapshotId()));
            }
        }
        if (before != null && !snapshots.isEmpty()) {
            errors.add(new FieldError("recoveryPoint", "give latestBefore or snapshots, not both"));
            return RecoveryPoint.LATEST;
        }
        try {
            return new RecoveryPoint(before, choices);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("recoveryPoint.snapshots", e.getMessage()));
            return RecoveryPoint.LATEST;
        }
    }

    private static <T> @Nullable T parse(
            @Nullable String value,
            String field,
            java.util.function.Function<String, T> parser,
            List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "required"));
            return null;
        }
        try {
            return parser.apply(value.trim());
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "'" + value + "' is not valid: " + e.getMessage()));
            return null;
        }
    }
}
