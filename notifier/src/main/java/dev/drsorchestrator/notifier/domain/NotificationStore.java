package dev.drsorchestrator.notifier.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The delivery log and the subscriptions. Versioned writes fail with {@link Conflict}. */
public interface NotificationStore {

    final class Conflict extends RuntimeException {
        public Conflict(String message) {
            super(message);
        }
    }

    record Page<T>(List<T> items, @Nullable String nextCursor) {}

    /** Stores a new notification with the consumed event's processed marker; {@link Conflict} if it exists. */
    void record(Notification notification, String consumedEventId, String detailType, int receiveCount);

    Optional<Notification> find(String id);

    /** PENDING notifications whose next attempt is due. */
    List<Notification> due(Instant now, int limit);

    void save(Notification notification);

    /** Newest first; optionally only one delivery status or one execution. */
    Page<Notification> list(
            @Nullable Delivery delivery, @Nullable String executionId, int limit, @Nullable String cursor);

    void create(Subscription subscription);

    Optional<Subscription> subscription(String id);

    Page<Subscription> subscriptions(int limit, @Nullable String cursor);

    void delete(Subscription subscription);
}
