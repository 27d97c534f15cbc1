package dev.drsorchestrator.notifier.adapter.in.rest;

import dev.drsorchestrator.kit.auth.Caller;
import dev.drsorchestrator.kit.auth.Roles;
import dev.drsorchestrator.kit.rest.Cursors;
import dev.drsorchestrator.kit.rest.Page;
import dev.drsorchestrator.kit.rest.ProblemException;
import dev.drsorchestrator.notifier.application.Subscriptions;
import dev.drsorchestrator.notifier.domain.NotificationStore;
import dev.drsorchestrator.notifier.domain.Subscription;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jspecify.annotations.Nullable;

@Path("/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
public class SubscriptionResource {

    private final Subscriptions subscriptions;
    private final Caller caller;

    SubscriptionResource(Subscriptions subscriptions, Caller caller) {
        this.subscriptions = subscriptions;
        this.caller = caller;
    }

    /**
     * @param protocol email, https or sqs
     * @param endpoint an address, an https URL or an SQS queue ARN
     * @param filter attribute → accepted values (planId, planName, executionId, executionType, status, severity,
     *     trigger), e.g. {@code {"severity": ["CRITICAL"]}}; absent: everything
     * @param topicArn a plan's own topic; absent: the default topic
     */
    public record SubscriptionRequest(
            @Nullable String protocol,
            @Nullable String endpoint,
            @Nullable Map<String, List<String>> filter,
            @Nullable String topicArn) {}

    @POST
    @RolesAllowed(Roles.PLANNER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Subscribe an email address, https URL or SQS queue, with a filter on the message attributes")
    public Response create(@Nullable SubscriptionRequest body) {
        if (body == null) {
            throw ProblemException.invalid("body", "a JSON object with protocol and endpoint is required");
        }
        Subscription s =
                subscriptions.create(body.protocol(), body.endpoint(), body.filter(), body.topicArn(), caller.name());
        return Response.created(URI.create("/subscriptions/" + s.id()))
                .entity(s)
                .build();
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "The subscriptions, newest first")
    public Page<Subscription> list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        NotificationStore.Page<Subscription> page = subscriptions.list(Cursors.limit(limit, 50, 200), cursor);
        return new Page<>(page.items(), page.nextCursor());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "One subscription")
    public Subscription get(@PathParam("id") String id) {
        return subscriptions.find(id).orElseThrow(() -> ProblemException.notFound("subscription", id));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.PLANNER)
    @Operation(summary = "Unsubscribe")
    public Response delete(@PathParam("id") String id) {
        if (!subscriptions.delete(id)) {
            throw ProblemException.notFound("subscription", id);
        }
        return Response.noContent().build();
    }
}
