package dev.drsorchestrator.plan.adapter.in.rest;

import dev.drsorchestrator.contracts.ids.PlanId;
import dev.drsorchestrator.contracts.model.ExecutionType;
import dev.drsorchestrator.kit.auth.Caller;
import dev.drsorchestrator.kit.auth.Roles;
import dev.drsorchestrator.kit.rest.Cursors;
import dev.drsorchestrator.kit.rest.Page;
import dev.drsorchestrator.kit.rest.ProblemException;
import dev.drsorchestrator.kit.rest.Requests;
import dev.drsorchestrator.plan.application.AlarmTriggers;
import dev.drsorchestrator.plan.application.DrillSchedules;
import dev.drsorchestrator.plan.application.PlanQueries;
import dev.drsorchestrator.plan.domain.Activation;
import dev.drsorchestrator.plan.domain.AlarmBinding;
import dev.drsorchestrator.plan.domain.AlarmBindings;
import dev.drsorchestrator.plan.domain.DrillSchedule;
import dev.drsorchestrator.plan.domain.TriggerStore.StoredSchedule;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What starts a plan by itself: a drill schedule and CloudWatch alarm bindings, and what each firing did. */
@Path("/recovery-plans/{id}")
@Tag(name = "Plan triggers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PlanTriggerResource {

    private final DrillSchedules schedules;
    private final AlarmTriggers alarms;
    private final PlanQueries queries;
    private final Caller caller;

    PlanTriggerResource(DrillSchedules schedules, AlarmTriggers alarms, PlanQueries queries, Caller caller) {
        this.schedules = schedules;
        this.alarms = alarms;
        this.queries = queries;
        this.caller = caller;
    }

    @Schema(name = "DrillScheduleRequest")
    public record ScheduleBody(
            @Schema(examples = "cron(0 2 ? * SUN *)") @NotBlank @Size(max = 256)
            String expression,

            @Schema(description = "IANA time zone (default UTC)", examples = "Europe/Berlin") @Size(max = 64)
            String timezone,

            @Schema(description = "default true") Boolean enabled,
            @Size(max = 512) String comment,

            @Schema(description = "The version you read, to replace a schedule (or send If-Match)") @PositiveOrZero
            Long version) {}

    public record ScheduleView(
            String planId,
            String expression,
            String timezone,
            boolean enabled,
            String comment,
            String scheduleName,
            long version,
            Instant updatedAt,
            String updatedBy) {

        static ScheduleView of(PlanId plan, StoredSchedule s) {
            DrillSchedule d = s.schedule();
            return new ScheduleView(
                    plan.value(),
                    d.expression(),
                    d.timezone(),
                    d.enabled(),
                    d.comment(),
                    s.scheduleName(),
                    s.version(),
                    s.updatedAt(),
                    s.updatedBy());
        }
    }

    @PUT
    @RolesAllowed(Roles.PLANNER)
    @Path("/drill-schedule")
    @Operation(
            summary = "Run the plan's drill on a schedule",
            description = "Creates or replaces an EventBridge Scheduler schedule that puts DrillScheduleDue on the"
                    + " bus; each firing requests one DRILL (a firing delivered twice is one drill).")
    public Response putSchedule(
            @PathParam("id") String id, @Valid @NotNull ScheduleBody body, @HeaderParam("If-Match") String ifMatch) {
        PlanId plan = Params.planId(id);
        DrillSchedule schedule = new DrillSchedule(
                body.expression().strip(),
                body.timezone() == null ? "UTC" : body.timezone(),
                body.enabled() == null || body.enabled(),
                body.comment());
        StoredSchedule stored =
                schedules.put(plan, schedule, Requests.version(body.version(), ifMatch, false), caller.name());
        return versioned(ScheduleView.of(plan, stored), stored.version());
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Path("/drill-schedule")
    @Operation(summary = "The plan's drill schedule (404 when it has none)")
    public Response getSchedule(@PathParam("id") String id) {
        PlanId plan = Params.planId(id);
        StoredSchedule stored = schedules.get(plan).orElseThrow(() -> noSchedule(plan));
        return versioned(ScheduleView.of(plan, stored), stored.version());
    }

    @DELETE
    @RolesAllowed(Roles.PLANNER)
    @Path("/drill-schedule")
    @Operation(summary = "Stop scheduled drills of the plan")
    public Response deleteSchedule(@PathParam("id") String id) {
        PlanId plan = Params.planId(id);
        if (!schedules.delete(plan)) {
            throw noSchedule(plan);
        }
        return Response.noContent().build();
    }

    private static Response versioned(Object view, long version) {
        return Response.ok(view).tag(new EntityTag(Long.toString(version))).build();
    }

    private static ProblemException noSchedule(PlanId plan) {
        return new ProblemException(
                404,
                "not-found",
                "No drill schedule",
                "Recovery plan " + plan + " has no drill schedule; PUT one to create it",
                List.of(),
                java.util.Map.of());
    }

    @Schema(name = "AlarmTrigger")
    public record AlarmBody(
            @Schema(examples = "web-shop-5xx-rate")
            @NotBlank
            @Size(max = 255)
            @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters")
            String alarmName,

            @Schema(description = "RECOVERY or DRILL") @NotNull
            ExecutionType executionType,

            @Schema(
                    description = "AUTO, or APPROVAL to hold the execution for an operator (default: APPROVAL for"
                            + " RECOVERY, AUTO for DRILL)")
            AlarmBinding.Mode mode,

            @Schema(
                    description =
                            "After an alarm-triggered execution, alarms start nothing for this long (default" + " 60)")
            @PositiveOrZero
            @Max(value = 10080, message = "must be at most 10080 minutes (one week)")
            Integer cooldownMinutes) {}

    public record AlarmTriggersView(String planId, List<AlarmBinding> alarmTriggers, long version) {}

    @PUT
    @RolesAllowed(Roles.PLANNER)
    @Path("/alarm-triggers")
    @Operation(
            summary = "Bind CloudWatch alarms to the plan",
            description = "Replaces the list. An alarm moving into ALARM requests an execution unless the plan is in"
                    + " the cooldown after its last alarm-triggered execution.")
    public Response putAlarms(
            @PathParam("id") String id,
            @Valid @NotNull @Size(max = 20, message = "at most 20 alarms per plan")
                    List<@NotNull @Valid AlarmBody> body,
            @HeaderParam("If-Match") String ifMatch) {
        PlanId plan = Params.planId(id);
        for (int i = 0; i < body.size(); i++) {
            ExecutionType type = body.get(i).executionType();
            if (type.returnsToOrigin()) {
                throw ProblemException.invalid(
                        "[" + i + "].executionType", "an alarm can start RECOVERY or DRILL, not " + type);
            }
        }
        List<AlarmBinding> bindings = body.stream()
                .map(b -> new AlarmBinding(
                        b.alarmName(),
                        b.executionType(),
                        b.mode() == null ? AlarmBinding.defaultMode(b.executionType()) : b.mode(),
                        b.cooldownMinutes() == null ? 60 : b.cooldownMinutes()))
                .toList();
        AlarmBindings stored = alarms.replace(plan, bindings, Requests.version(null, ifMatch, false));
        return versioned(new AlarmTriggersView(plan.value(), stored.bindings(), stored.version()), stored.version());
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Path("/alarm-triggers")
    @Operation(summary = "The alarms bound to the plan")
    public Response getAlarms(@PathParam("id") String id) {
        PlanId plan = Params.planId(id);
        AlarmBindings stored = alarms.bindings(plan);
        return versioned(new AlarmTriggersView(plan.value(), stored.bindings(), stored.version()), stored.version());
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Path("/activations")
    @Operation(
            summary = "Every alarm or schedule firing for the plan and what came of it, newest first",
            description = "REQUESTED (with the execution id), SUPPRESSED (within the alarm cooldown, with its end)"
                    + " or REFUSED (with the reason).")
    public Page<Activation> activations(
            @PathParam("id") String id, @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        int size = Cursors.limit(limit, Params.DEFAULT_LIMIT, Params.MAX_LIMIT);
        return RecoveryPlanResource.page(queries.activations(Params.planId(id), size, Cursors.decode(cursor)), a -> a);
    }
}
