package dev.drsorchestrator.execution.adapter.in.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drsorchestrator.contracts.ids.ExecutionId;
import dev.drsorchestrator.contracts.ids.PlanId;
import dev.drsorchestrator.contracts.model.ExecutionType;
import dev.drsorchestrator.contracts.model.TriggerType;
import dev.drsorchestrator.execution.application.ExecutionEngine;
import dev.drsorchestrator.execution.application.ExecutionQueries;
import dev.drsorchestrator.execution.application.ExecutionSnapshot;
import dev.drsorchestrator.execution.application.ExecutionWatch;
import dev.drsorchestrator.execution.domain.Control;
import dev.drsorchestrator.execution.domain.Execution;
import dev.drsorchestrator.execution.domain.ExecutionNotFound;
import dev.drsorchestrator.execution.domain.ExecutionQuery;
import dev.drsorchestrator.execution.domain.ExecutionStatus;
import dev.drsorchestrator.execution.domain.ListPage;
import dev.drsorchestrator.execution.domain.TimelineEntry;
import dev.drsorchestrator.kit.auth.Caller;
import dev.drsorchestrator.kit.auth.Roles;
import dev.drsorchestrator.kit.rest.Cursors;
import dev.drsorchestrator.kit.rest.FieldError;
import dev.drsorchestrator.kit.rest.Page;
import dev.drsorchestrator.kit.rest.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jspecify.annotations.Nullable;

/**
 * Executions: history (list, one, its stream of changes, timeline, report) and the operators' controls. Who acts is
 * the verified caller ({@link Caller}), never a header: each control records the token's username and subject.
 * Reading needs {@code viewer}; approving needs {@code approver}; every other control needs {@code drill-operator},
 * and for an execution that is not a DRILL {@code recovery-operator} (see docs/security.md).
 */
@Path("/executions")
@Produces(MediaType.APPLICATION_JSON)
public class ExecutionResource {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    static final String LAST_EVENT_ID = "Last-Event-ID";

    private final ExecutionEngine engine;
    private final ExecutionQueries queries;
    private final ExecutionWatch watch;
    private final Caller caller;
    private final SecurityIdentity identity;
    private final ObjectMapper json;

    ExecutionResource(
            ExecutionEngine engine,
            ExecutionQueries queries,
            ExecutionWatch watch,
            Caller caller,
            SecurityIdentity identity,
            ObjectMapper json) {
        this.engine = engine;
        this.queries = queries;
        this.watch = watch;
        this.caller = caller;
        this.identity = identity;
        this.json = json;
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "List executions, newest first; filter by plan, status, type, trigger and request time")
    public Page<ExecutionView> list(
            @QueryParam("planId") String planId,
            @QueryParam("status") String status,
            @QueryParam("type") String type,
            @QueryParam("trigger") String trigger,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        List<FieldError> errors = new ArrayList<>();
        PlanId plan = null;
        if (planId != null) {
            if (PlanId.PATTERN.matcher(planId).matches()) {
                plan = PlanId.of(planId);
            } else {
                errors.add(new FieldError("planId", "is not a plan id (plan-<uuid>): " + planId));
            }
        }
        ExecutionStatus st = option(errors, "status", status, ExecutionStatus.class);
        ExecutionType ty = option(errors, "type", type, ExecutionType.class);
        TriggerType tr = option(errors, "trigger", trigger, TriggerType.class);
        Instant f = instant(errors, "from", from);
        Instant t = instant(errors, "to", to);
        if (f != null && t != null && f.isAfter(t)) {
            errors.add(new FieldError("from", "is after to (" + from + " > " + to + ")"));
        }
        int size = DEFAULT_LIMIT;
        try {
            size = Cursors.limit(limit, DEFAULT_LIMIT, MAX_LIMIT);
        } catch (ProblemException e) {
            errors.addAll(e.errors());
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        ListPage<Execution> page = queries.list(new ExecutionQuery(plan, st, ty, tr, f, t, size, cursor));
        Instant now = queries.now();
        return new Page<>(
                page.items().stream().map(e -> ExecutionView.of(e, now)).toList(), page.nextCursor());
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Path("/{id}")
    @Operation(summary = "One execution: waves, DRS jobs, per-server launch status and instances, actions, RTO")
    public ExecutionView get(@PathParam("id") String id) {
        return detail(queries.snapshot(executionId(id)));
    }

    /**
     * The execution's changes as Server-Sent Events: {@code event: execution}, {@code id:} the stored version,
     * {@code data:} the detail as {@link #get} answers it; the current state first (unless {@code Last-Event-ID} is
     * its version), then every later version, and a {@code : keep-alive} comment every
     * {@code execution.stream.keep-alive}. An unknown execution is a 404 problem before any stream opens. The server
     * ends the stream at the token's {@code exp}, when the client does not read (its writes pile up), when the
     * execution no longer exists and on shutdown: the client reconnects with a fresh token and {@code Last-Event-ID}.
     */
    @GET
    @RolesAllowed(Roles.VIEWER)
    @Path("/{id}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(
            summary = "The execution's changes as Server-Sent Events: its detail now (unless Last-Event-ID is its"
                    + " version), then at every change (event 'execution', id = version, data = GET"
                    + " /executions/{id}); a ': keep-alive' comment every 15 s")
    public void events(
            @PathParam("id") String id,
            @HeaderParam(LAST_EVENT_ID) String lastEventId,
            @Context SseEventSink sink,
            @Context Sse sse,
            @Context HttpServerResponse http) {
        ExecutionSnapshot current = queries.snapshot(executionId(id));
        boolean resumed = lastEventId != null && lastEventId.strip().equals(Long.toString(current.version()));
        // Proxies must pass each event on at once (nginx buffers unless told not to), and nothing may cache it.
        http.putHeader("Cache-Control", "no-cache");
        http.putHeader("X-Accel-Buffering", "no");
        watch.open(current, resumed, expiresAt(), new SseStream(sink, sse, this::render, http::close));
    }

    /** The verified token's {@code exp}: a stream is closed then (the client reconnects with a fresh token). */
    private @Nullable Instant expiresAt() {
        if (identity.getPrincipal() instanceof JsonWebToken token && token.getExpirationTime() > 0) {
            return Instant.ofEpochSecond(token.getExpirationTime());
        }
        return null;
    }

    private ExecutionView detail(ExecutionSnapshot snapshot) {
        return ExecutionView.detail(snapshot.execution(), snapshot.version(), snapshot.readAt(), snapshot.controls());
    }

    /** The detail as JSON, as {@link #get} writes it (the same mapper). */
    private String render(ExecutionSnapshot snapshot) {
        try {
            return json.writeValueAsString(detail(snapshot));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write execution " + snapshot.execution().executionId, e);
        }
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Path("/{id}/timeline")
    @Operation(summary = "Every event received, control, timer and event published, in order")
    public Page<TimelineEntry> timeline(
            @PathParam("id") String id, @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        ListPage<TimelineEntry> page = queries.timeline(executionId(id), Cursors.limit(limit, 100, 1000), cursor);
        return new Page<>(page.items(), page.nextCursor());
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Path("/{id}/report")
    @Operation(summary = "A report to keep: plan version, trigger, approvals, per-wave durations, failures, RTO")
    public ExecutionReport report(@PathParam("id") String id) {
        ExecutionId executionId = executionId(id);
        Execution e = queries.get(executionId);
        return ExecutionReport.of(e, queries.wholeTimeline(executionId), queries.now());
    }

    @POST
    @RolesAllowed(Roles.APPROVER)
    @Path("/{id}/approve")
    @Operation(summary = "Approve the execution, or the wave (waveId) that awaits approval")
    public ExecutionView approve(@PathParam("id") String id, @Valid ControlRequest body) {
        return control(id, Control.Kind.APPROVE, body, false, false);
    }

    @POST
    @RolesAllowed(Roles.DRILL_OPERATOR)
    @Path("/{id}/cancel")
    @Operation(summary = "Cancel: no new waves or actions; DRS jobs in flight finish and are recorded")
    public ExecutionView cancel(@PathParam("id") String id, @Valid ControlRequest body) {
        return control(id, Control.Kind.CANCEL, body, true, true);
    }

    @POST
    @RolesAllowed(Roles.DRILL_OPERATOR)
    @Path("/{id}/pause")
    @Operation(summary = "Pause: nothing new starts until resumed; work in flight is recorded")
    public ExecutionView pause(@PathParam("id") String id, @Valid ControlRequest body) {
        return control(id, Control.Kind.PAUSE, body, true, true);
    }

    @POST
    @RolesAllowed(Roles.DRILL_OPERATOR)
    @Path("/{id}/resume")
    @Operation(summary = "Resume a paused execution (past a wave that failed under PAUSE)")
    public ExecutionView resume(@PathParam("id") String id, @Valid ControlRequest body) {
        return control(id, Control.Kind.RESUME, body, false, true);
    }

    @POST
    @RolesAllowed(Roles.DRILL_OPERATOR)
    @Path("/{id}/cleanup")
    @Operation(
            summary = "Terminate a finished drill's recovery instances now; after a completed FAILBACK, confirm the"
                    + " termination of the recovery-Region instances it failed back from (recovery-operator)")
    public ExecutionView cleanup(@PathParam("id") String id, @Valid ControlRequest body) {
        return control(id, Control.Kind.CLEANUP, body, false, true);
    }

    @POST
    @RolesAllowed(Roles.DRILL_OPERATOR)
    @Path("/{id}/waves/{waveId}/retry")
    @Operation(summary = "Retry a FAILED wave: relaunch only its servers that did not launch")
    public ExecutionView retry(
            @PathParam("id") String id, @PathParam("waveId") String waveId, @Valid WaveControlRequest body) {
        return control(
                id, Control.Kind.RETRY, new ControlRequest(body == null ? null : body.reason(), waveId), false, true);
    }

    @POST
    @RolesAllowed(Roles.DRILL_OPERATOR)
    @Path("/{id}/waves/{waveId}/skip")
    @Operation(summary = "Skip a waiting or FAILED wave: its dependents run as if it had completed")
    public ExecutionView skip(
            @PathParam("id") String id, @PathParam("waveId") String waveId, @Valid WaveControlRequest body) {
        return control(
                id, Control.Kind.SKIP, new ControlRequest(body == null ? null : body.reason(), waveId), true, true);
    }

    /**
     * @param needsReason the control must say why
     * @param byType anything but a DRILL needs {@code recovery-operator}, not only the endpoint's
     *     {@code drill-operator}; checked before anything changes
     */
    private ExecutionView control(
            String id, Control.Kind kind, @Nullable ControlRequest body, boolean needsReason, boolean byType) {
        ExecutionId executionId = executionId(id);
        if (byType) {
            ExecutionType type = queries.get(executionId).executionType;
            if (type != ExecutionType.DRILL) {
                caller.require(Roles.RECOVERY_OPERATOR, "Controlling a " + type);
            }
        }
        String reason = body == null || body.reason() == null || body.reason().isBlank() ? null : body.reason();
        if (needsReason && reason == null) {
            throw ProblemException.invalid(
                    "reason",
                    "is required to " + kind.path() + ": say why (it is kept in the timeline and the report)");
        }
        ExecutionEngine.Controlled after = engine.control(
                executionId,
                new Control(kind, caller.name(), caller.id(), reason, body == null ? null : body.waveId()));
        return detail(queries.snapshot(after.execution(), after.version()));
    }

    private static ExecutionId executionId(String value) {
        if (value == null || !ExecutionId.PATTERN.matcher(value).matches()) {
            throw new ExecutionNotFound(String.valueOf(value));
        }
        return ExecutionId.of(value);
    }

    private static <E extends Enum<E>> @Nullable E option(
            List<FieldError> errors, String field, @Nullable String value, Class<E> type) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(
                    field, "must be one of " + Arrays.toString(type.getEnumConstants()) + " but was " + value));
            return null;
        }
    }

    private static @Nullable Instant instant(List<FieldError> errors, String field, @Nullable String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(
                    new FieldError(field, "must be an ISO-8601 instant such as 2026-11-23T10:00:00Z but was " + value));
            return null;
        }
    }
}
