package dev.drsorchestrator.catalog.adapter.in.rest;

import dev.drsorchestrator.catalog.application.CatalogQueries;
import dev.drsorchestrator.catalog.domain.ServerQuery;
import dev.drsorchestrator.contracts.ids.ProtectionGroupId;
import dev.drsorchestrator.contracts.model.ReplicationState;
import dev.drsorchestrator.contracts.model.ServerOrigin;
import dev.drsorchestrator.kit.auth.Roles;
import dev.drsorchestrator.kit.rest.Cursors;
import dev.drsorchestrator.kit.rest.FieldError;
import dev.drsorchestrator.kit.rest.Page;
import dev.drsorchestrator.kit.rest.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/source-servers")
@Tag(name = "Source servers")
@Produces(MediaType.APPLICATION_JSON)
public class SourceServerResource {

    private final CatalogQueries queries;

    SourceServerResource(CatalogQueries queries) {
        this.queries = queries;
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Operation(
            summary = "List the DRS source servers the inventory knows, with their group",
            description = "Sorted by hostname within each account and region. Every filter is optional; all given"
                    + " must hold.")
    public Page<ServerView> list(
            @QueryParam("accountId") String accountId,
            @QueryParam("region") String region,
            @Parameter(description = "A DRS dataReplicationState such as CONTINUOUS or STALLED")
                    @QueryParam("replicationState")
                    String replicationState,
            @Parameter(description = "Only servers no group holds") @QueryParam("unassigned") Boolean unassigned,
            @QueryParam("protectionGroupId") String protectionGroupId,
            @Parameter(description = "Key:Value; repeat for several (all must match)") @QueryParam("tag")
                    List<String> tags,
            @QueryParam("hostnamePrefix") String hostnamePrefix,
            @Parameter(description = "EC2 or ON_PREMISES: where the servers run when not failed over")
                    @QueryParam("origin")
                    String origin,
            @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        List<FieldError> errors = new ArrayList<>();
        ReplicationState state = null;
        if (replicationState != null && !replicationState.isEmpty()) {
            try {
                state = ReplicationState.valueOf(replicationState);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError(
                        "replicationState",
                        "'" + replicationState + "' is not a DRS replication state; one of "
                                + Arrays.toString(ReplicationState.values())));
            }
        }
        ProtectionGroupId group = null;
        if (protectionGroupId != null && !protectionGroupId.isEmpty()) {
            if (!ProtectionGroupId.PATTERN.matcher(protectionGroupId).matches()) {
                errors.add(new FieldError("protectionGroupId", "must be a group id such as pg-<uuid>"));
            } else {
                group = ProtectionGroupId.of(protectionGroupId);
            }
        }
        boolean unassignedOnly = Boolean.TRUE.equals(unassigned);
        if (unassignedOnly && group != null) {
            errors.add(new FieldError("unassigned", "cannot be combined with protectionGroupId"));
        }
        Map<String, String> tagFilter = new LinkedHashMap<>();
        for (String tag : tags == null ? List.<String>of() : tags) {
            int colon = tag.indexOf(':');
            if (colon < 1) {
                errors.add(new FieldError("tag", "'" + tag + "' must be Key:Value"));
            } else {
                tagFilter.put(tag.substring(0, colon), tag.substring(colon + 1));
            }
        }
        ServerOrigin.Type originType = null;
        if (origin != null && !origin.isEmpty()) {
            originType = Arrays.stream(ServerOrigin.Type.values())
                    .filter(t -> t.name().equals(origin))
                    .findFirst()
                    .orElse(null);
            if (originType == null) {
                errors.add(new FieldError(
                        "origin",
                        "'" + origin + "' is not a server origin; one of "
                                + Arrays.toString(ServerOrigin.Type.values())));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        ServerQuery query = new ServerQuery(
                Params.account(accountId),
                Params.region(region),
                state,
                unassignedOnly,
                group,
                tagFilter,
                hostnamePrefix,
                originType);
        int size = Cursors.limit(limit, Pages.DEFAULT_LIMIT, Pages.MAX_LIMIT);
        CatalogQueries.ServerPage page = queries.servers(query, size, Cursors.decode(cursor));
        return Pages.of(page.page(), s -> ServerView.of(s, page.groups()));
    }
}
