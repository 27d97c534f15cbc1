package dev.drsorchestrator.notifier.adapter.in.rest;

import dev.drsorchestrator.kit.auth.Roles;
import dev.drsorchestrator.kit.rest.Cursors;
import dev.drsorchestrator.kit.rest.FieldError;
import dev.drsorchestrator.kit.rest.Page;
import dev.drsorchestrator.kit.rest.ProblemException;
import dev.drsorchestrator.notifier.application.NotificationQueries;
import dev.drsorchestrator.notifier.application.NotificationService;
import dev.drsorchestrator.notifier.domain.Delivery;
import dev.drsorchestrator.notifier.domain.Notification;
import dev.drsorchestrator.notifier.domain.NotificationStore;
import dev.drsorchestrator.notifier.domain.Severity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jspecify.annotations.Nullable;

@Path("/notifications")
@Produces(MediaType.APPLICATION_JSON)
public class NotificationResource {

    private final NotificationQueries queries;
    private final NotificationService notifications;

    NotificationResource(NotificationQueries queries, NotificationService notifications) {
        this.queries = queries;
        this.notifications = notifications;
    }

    /** One line of the delivery log. */
    public record Entry(
            String id,
            String detailType,
            String executionId,
            String planName,
            String status,
            Severity severity,
            String topicArn,
            String subject,
            Delivery delivery,
            @Nullable String messageId,
            int attempts,
            @Nullable String lastError,
            Instant createdAt,
            @Nullable Instant sentAt,
            @Nullable Instant nextAttemptAt) {

        static Entry of(Notification n) {
            return new Entry(
                    n.id,
                    n.detailType,
                    n.executionId,
                    n.planName,
                    n.status,
                    n.severity,
                    n.topicArn,
                    n.subject,
                    n.delivery,
                    n.messageId,
                    n.attempts,
                    n.lastError,
                    n.createdAt,
                    n.sentAt,
                    n.delivery == Delivery.PENDING ? n.nextAttemptAt : null);
        }
    }

    /** A notification whole: the log line, the text people read, the JSON machines get, the attributes. */
    public record Detail(Entry entry, String text, String json, Map<String, String> attributes) {}

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "The delivery log, newest first: event, topic, SNS message id, time, delivery status")
    public Page<Entry> list(
            @QueryParam("delivery") String delivery,
            @QueryParam("execution") String execution,
            @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        List<FieldError> errors = new ArrayList<>();
        Delivery d = null;
        if (delivery != null) {
            try {
                d = Delivery.valueOf(delivery);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError(
                        "delivery", "must be one of " + Arrays.toString(Delivery.values()) + " but was " + delivery));
            }
        }
        int size = 50;
        try {
            size = Cursors.limit(limit, 50, 200);
        } catch (ProblemException e) {
            errors.addAll(e.errors());
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        NotificationStore.Page<Notification> page = queries.list(d, execution, size, cursor);
        return new Page<>(page.items().stream().map(Entry::of).toList(), page.nextCursor());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "One notification: its text, its JSON and its attributes")
    public Detail get(@PathParam("id") String id) {
        Notification n = queries.find(id).orElseThrow(() -> ProblemException.notFound("notification", id));
        return new Detail(Entry.of(n), n.text, n.json, n.attributes);
    }

    @POST
    @Path("/{id}/retry")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Send a FAILED notification again")
    public Entry retry(@PathParam("id") String id) {
        Notification n = queries.find(id).orElseThrow(() -> ProblemException.notFound("notification", id));
        if (n.delivery != Delivery.FAILED) {
            throw ProblemException.conflict(
                    "not-failed",
                    "Only a FAILED notification is sent again",
                    "notification " + id + " is " + n.delivery,
                    Map.of("delivery", n.delivery.name()));
        }
        return Entry.of(notifications.retry(id).orElseThrow());
    }
}
