package dev.drsorchestrator.catalog.adapter.in.rest;

import dev.drsorchestrator.catalog.application.Actor;
import dev.drsorchestrator.catalog.application.CatalogQueries;
import dev.drsorchestrator.catalog.application.GroupCommands;
import dev.drsorchestrator.catalog.application.LaunchSettingsCommands;
import dev.drsorchestrator.catalog.application.LaunchSettingsQueries;
import dev.drsorchestrator.catalog.domain.GroupQuery;
import dev.drsorchestrator.catalog.domain.ProtectionGroup;
import dev.drsorchestrator.contracts.ids.ProtectionGroupId;
import dev.drsorchestrator.kit.auth.Caller;
import dev.drsorchestrator.kit.auth.Roles;
import dev.drsorchestrator.kit.rest.Cursors;
import dev.drsorchestrator.kit.rest.Page;
import dev.drsorchestrator.kit.rest.ProblemException;
import dev.drsorchestrator.kit.rest.Requests;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/protection-groups")
@Tag(name = "Protection groups")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProtectionGroupResource {

    private final GroupCommands commands;
    private final CatalogQueries queries;
    private final LaunchSettingsCommands launchCommands;
    private final LaunchSettingsQueries launchQueries;
    private final Caller caller;

    ProtectionGroupResource(
            GroupCommands commands,
            CatalogQueries queries,
            LaunchSettingsCommands launchCommands,
            LaunchSettingsQueries launchQueries,
            Caller caller) {
        this.commands = commands;
        this.queries = queries;
        this.launchCommands = launchCommands;
        this.launchQueries = launchQueries;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.PLANNER)
    @Operation(
            summary = "Create a protection group",
            description = "Members are the listed servers plus the selector's matches. A server another group holds"
                    + " refuses the request with 409 naming it and its group.")
    public Response create(@Valid GroupRequest request) {
        ProtectionGroup created = commands.create(GroupRequests.toDefinition(request), actor());
        return Response.created(URI.create("/protection-groups/" + created.id()))
                .tag(etag(created))
                .entity(GroupView.of(created, List.of()))
                .build();
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "List protection groups, by name, with filters and cursor pagination")
    public Page<GroupView> list(
            @QueryParam("accountId") String accountId,
            @QueryParam("region") String region,
            @QueryParam("namePrefix") String namePrefix,
            @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        GroupQuery query = new GroupQuery(Params.account(accountId), Params.region(region), namePrefix);
        int size = Cursors.limit(limit, Pages.DEFAULT_LIMIT, Pages.MAX_LIMIT);
        return Pages.of(queries.groups(query, size, Cursors.decode(cursor)), g -> GroupView.of(g, null));
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Path("/{id}")
    @Operation(summary = "A protection group, its resolved members, conflicts and the plans that use it")
    public Response get(@PathParam("id") String id) {
        ProtectionGroupId groupId = Params.groupId(id);
        ProtectionGroup group = queries.group(groupId);
        return Response.ok(GroupView.of(group, queries.plansUsing(groupId)))
                .tag(etag(group))
                .build();
    }

    @PUT
    @RolesAllowed(Roles.PLANNER)
    @Path("/{id}")
    @Operation(
            summary = "Replace a protection group's definition",
            description = "Send the version you read (field version, or If-Match); a stale one is 409.")
    public Response update(
            @PathParam("id") String id, @Valid GroupRequest request, @HeaderParam("If-Match") String ifMatch) {
        ProtectionGroupId groupId = Params.groupId(id);
        var definition = GroupRequests.toDefinition(request);
        long version = version(request.version(), ifMatch, true);
        ProtectionGroup updated = commands.update(groupId, definition, version, actor());
        return Response.ok(GroupView.of(updated, queries.plansUsing(groupId)))
                .tag(etag(updated))
                .build();
    }

    @DELETE
    @RolesAllowed(Roles.PLANNER)
    @Path("/{id}")
    @Operation(
            summary = "Delete a protection group",
            description = "Refused with 409 while a recovery plan uses it. Its servers become free (or go to another"
                    + " group whose selector matches them).")
    public Response delete(
            @PathParam("id") String id, @QueryParam("version") Long version, @HeaderParam("If-Match") String ifMatch) {
        ProtectionGroupId groupId = Params.groupId(id);
        Long expected = version == null && ifMatch == null ? null : version(version, ifMatch, false);
        commands.delete(groupId, expected, actor());
        return Response.noContent().build();
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Path("/{id}/readiness")
    @Operation(
            summary = "Whether each member can be recovered now",
            description = "Ready: DRS replicates it CONTINUOUSly with a lag within rpoSeconds (any lag if omitted).")
    public ReadinessView readiness(@PathParam("id") String id, @QueryParam("rpoSeconds") Long rpoSeconds) {
        if (rpoSeconds != null && rpoSeconds < 0) {
            throw ProblemException.invalid("rpoSeconds", "must be 0 or more seconds but was " + rpoSeconds);
        }
        return ReadinessView.of(queries.readiness(Params.groupId(id), rpoSeconds));
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Path("/{id}/launch-settings")
    @Operation(
            summary = "A group's launch settings and, per member, what it would launch with now",
            description = "The group's settings, the per-server overrides and every member's effective settings, the"
                    + " settings drs-adapter observed, the drift between them and drs-adapter's last result. The"
                    + " ETag is the group's version.")
    public Response launchSettings(@PathParam("id") String id) {
        LaunchSettingsQueries.LaunchReport report = launchQueries.report(Params.groupId(id));
        return Response.ok(LaunchSettingsView.of(report))
                .tag(etag(report.group()))
                .build();
    }

    @PUT
    @RolesAllowed(Roles.PLANNER)
    @Path("/{id}/launch-settings")
    @Operation(
            summary = "Replace a group's launch settings",
            description = "Send the group's version (If-Match, or field version); a stale one is 409. Every problem"
                    + " is answered at once (400); nothing changes then. A change raises the group's version and"
                    + " publishes ProtectionGroupUpdated with the settings; an empty body clears them.")
    public Response replaceLaunchSettings(
            @PathParam("id") String id, @Valid LaunchSettingsRequest request, @HeaderParam("If-Match") String ifMatch) {
        ProtectionGroupId groupId = Params.groupId(id);
        var draft = LaunchSettingsRequests.toDraft(request);
        long version = version(request == null ? null : request.version(), ifMatch, true);
        ProtectionGroup updated = launchCommands.replace(groupId, draft, version, actor());
        return Response.ok(LaunchSettingsView.of(launchQueries.report(updated)))
                .tag(etag(updated))
                .build();
    }

    private static EntityTag etag(ProtectionGroup g) {
        return new EntityTag(Long.toString(g.version()));
    }

    private static long version(Long fromBody, String ifMatch, boolean required) {
        return Requests.version(fromBody, ifMatch, required);
    }

    private Actor actor() {
        dev.drsorchestrator.kit.auth.Actor verified = caller.actor();
        return new Actor(verified.name(), verified.id());
    }
}
