package dev.drsorchestrator.plan.adapter.in.rest;

import dev.drsorchestrator.contracts.ids.PlanId;
import dev.drsorchestrator.contracts.model.ExecutionType;
import dev.drsorchestrator.kit.auth.Actor;
import dev.drsorchestrator.kit.auth.Caller;
import dev.drsorchestrator.kit.auth.Roles;
import dev.drsorchestrator.kit.rest.Cursors;
import dev.drsorchestrator.kit.rest.Page;
import dev.drsorchestrator.kit.rest.ProblemException;
import dev.drsorchestrator.kit.rest.Requests;
import dev.drsorchestrator.plan.application.PlanCommands;
import dev.drsorchestrator.plan.application.PlanQueries;
import dev.drsorchestrator.plan.application.UserExecutions;
import dev.drsorchestrator.plan.domain.ListPage;
import dev.drsorchestrator.plan.domain.PreflightReport;
import dev.drsorchestrator.plan.domain.RecoveryPlan;
import dev.drsorchestrator.plan.domain.RequestedRecoveryPoint;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/recovery-plans")
@Tag(name = "Recovery plans")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RecoveryPlanResource {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final PlanCommands commands;
    private final PlanQueries queries;
    private final UserExecutions executions;
    private final Caller caller;

    RecoveryPlanResource(PlanCommands commands, PlanQueries queries, UserExecutions executions, Caller caller) {
        this.commands = commands;
        this.queries = queries;
        this.executions = executions;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.PLANNER)
    @Operation(
            summary = "Create a recovery plan",
            description = "Waves form a DAG: each runs after every lower order, or after the waves in dependsOn."
                    + " A cycle, an unknown wave or protection group, or a group in two waves is refused with 400.")
    public Response create(@Valid @NotNull PlanRequest request) {
        Actor actor = caller.actor();
        RecoveryPlan plan = commands.create(PlanRequests.toDefinition(request), actor.name(), actor.id());
        return Response.created(URI.create("/recovery-plans/" + plan.id()))
                .tag(etag(plan))
                .entity(PlanView.of(plan, null))
                .build();
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "List recovery plans by name, with cursor pagination")
    public Page<PlanView> list(
            @QueryParam("namePrefix") String namePrefix,
            @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        int size = Cursors.limit(limit, Params.DEFAULT_LIMIT, Params.MAX_LIMIT);
        return page(queries.plans(namePrefix, size, Cursors.decode(cursor)), p -> PlanView.of(p, null));
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Path("/{id}")
    @Operation(summary = "A recovery plan and the status of its last execution")
    public Response get(@PathParam("id") String id) {
        PlanId planId = Params.planId(id);
        RecoveryPlan plan = queries.plan(planId);
        return Response.ok(PlanView.of(plan, queries.lastExecution(planId).orElse(null)))
                .tag(etag(plan))
                .build();
    }

    @PUT
    @RolesAllowed(Roles.PLANNER)
    @Path("/{id}")
    @Operation(
            summary = "Replace a recovery plan",
            description = "Send the version you read (field version, or If-Match); a stale one is 409.")
    public Response update(
            @PathParam("id") String id, @Valid @NotNull PlanRequest request, @HeaderParam("If-Match") String ifMatch) {
        PlanId planId = Params.planId(id);
        long version = Requests.version(request.version(), ifMatch, true);
        Actor actor = caller.actor();
        RecoveryPlan plan =
                commands.update(planId, PlanRequests.toDefinition(request), version, actor.name(), actor.id());
        return Response.ok(PlanView.of(plan, queries.lastExecution(planId).orElse(null)))
                .tag(etag(plan))
                .build();
    }

    @DELETE
    @RolesAllowed(Roles.PLANNER)
    @Path("/{id}")
    @Operation(
            summary = "Delete a recovery plan, its alarm bindings and its drill schedule",
            description = "Refused with 409 while an execution of it is in progress.")
    public Response delete(
            @PathParam("id") String id, @QueryParam("version") Long version, @HeaderParam("If-Match") String ifMatch) {
        PlanId planId = Params.planId(id);
        Actor actor = caller.actor();
        commands.delete(planId, Requests.version(version, ifMatch, false), actor.name(), actor.id());
        return Response.noContent().build();
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Path("/{id}/preflight")
    @Operation(
            summary = "What running the plan now would meet",
            description = "Per wave: servers not ready, group problems, DRS jobs needed under the quotas, an estimate;"
                    + " an RTO estimate over the critical path; launch checks (launch drift, drill networks); canRun"
                    + " with the blockers. With type, the checks are for that execution type: for a DRILL a drill"
                    + " network that is gone blocks and an account and Region without one is a warning.")
    public PreflightReport preflight(
            @PathParam("id") String id,
            @Parameter(description = "DRILL, RECOVERY, REPROTECT or FAILBACK (default: none in particular)")
                    @QueryParam("type")
                    String type) {
        PlanId planId = Params.planId(id);
        return queries.preflight(planId, Params.executionType(type));
    }

    /** The body of {@code POST /recovery-plans/{id}/executions}. */
    @Schema(name = "ExecutionRequest")
    public record ExecutionBody(
            @NotNull ExecutionType type,
            @Size(max = 1024) String comment,

            @Schema(
                    description = "DRILL or RECOVERY: the point in time to launch from (default: the latest"
                            + " snapshot); not for a REPROTECT or FAILBACK, which act on recovery instances")
            RecoveryPointBody recoveryPoint) {}

    /** Either {@code latestBefore} or {@code snapshots}; checked all at once with the plan's servers. */
    @Schema(name = "RecoveryPoint")
    public record RecoveryPointBody(
            @Schema(
                    description = "The latest snapshot taken at or before this time (not in the future)",
                    examples = "2026-11-20T03:00:00Z")
            Instant latestBefore,

            @Schema(description = "A DRS recovery snapshot per server; servers not listed launch from the latest")
            List<SnapshotBody> snapshots) {

        RequestedRecoveryPoint toDomain() {
            return new RequestedRecoveryPoint(
                    latestBefore,
                    snapshots == null
                            ? null
                            : snapshots.stream()
                                    .map(c -> c == null
                                            ? null
                                            : new RequestedRecoveryPoint.Choice(c.sourceServerId(), c.snapshotId()))
                                    .toList());
        }
    }

    /** One server's recovery snapshot. */
    @Schema(name = "ServerSnapshotChoice")
    public record SnapshotBody(
            @Schema(examples = "s-1234567890abcdef0") String sourceServerId,
            @Schema(examples = "pit-0123456789abcdefg") String snapshotId) {}

    /** What a request answers: the new execution, to follow on execution-service. */
    public record ExecutionAccepted(
            String executionId, String planId, long planVersion, String type, String status, String location) {}

    @POST
    @RolesAllowed(Roles.DRILL_OPERATOR)
    @Path("/{id}/executions")
    @Operation(
            summary = "Start a DRILL, RECOVERY, REPROTECT or FAILBACK of the plan",
            description = "202 with the execution id at once; execution-service runs it. Send Idempotency-Key to make"
                    + " a retried request return the same execution instead of starting a second one. A DRILL needs"
                    + " the role drill-operator, a RECOVERY, REPROTECT or FAILBACK recovery-operator (403 naming it"
                    + " otherwise). A DRILL or RECOVERY may name a recoveryPoint (latestBefore, or a snapshot per"
                    + " server of the plan); a REPROTECT or FAILBACK runs the waves in the plan's return order."
                    + " The requester is the bearer token's identity.")
    public Response execute(
            @PathParam("id") String id,
            @Valid @NotNull ExecutionBody body,
            @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey) {
        if (body.type() != ExecutionType.DRILL) {
            caller.require(Roles.RECOVERY_OPERATOR, "Starting a " + body.type());
        }
        PlanId planId = Params.planId(id);
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 128)) {
            throw ProblemException.invalid(IDEMPOTENCY_KEY, "must be 1-128 characters, such as a UUID");
        }
        Actor actor = caller.actor();
        UserExecutions.Requested requested = executions.request(
                planId,
                body.type(),
                body.comment(),
                actor.name(),
                actor.id(),
                idempotencyKey,
                body.recoveryPoint() == null ? null : body.recoveryPoint().toDomain());
        String location = "/executions/" + requested.executionId();
        return Response.accepted(new ExecutionAccepted(
                        requested.executionId().value(),
                        planId.value(),
                        requested.planVersion(),
                        body.type().name(),
                        "REQUESTED",
                        location))
                // Relative on purpose: the execution lives on execution-service (behind the same gateway in AWS);
                // Response.location() would make it absolute on plan-service's own host.
                .header(HttpHeaders.LOCATION, location)
                .header("Idempotent-Replayed", Boolean.toString(requested.replayed()))
                .build();
    }

    private static EntityTag etag(RecoveryPlan plan) {
        return new EntityTag(Long.toString(plan.version()));
    }

    static <D, T> Page<T> page(ListPage<D> page, Function<D, T> view) {
        return new Page<>(
                page.items().stream().map(view).toList(), page.next() == null ? null : Cursors.encode(page.next()));
    }
}
