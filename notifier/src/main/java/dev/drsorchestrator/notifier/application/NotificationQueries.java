package dev.drsorchestrator.notifier.application;

import dev.drsorchestrator.notifier.domain.Delivery;
import dev.drsorchestrator.notifier.domain.Notification;
import dev.drsorchestrator.notifier.domain.NotificationStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The delivery log. */
@ApplicationScoped
public class NotificationQueries {

    private final NotificationStore store;

    NotificationQueries(NotificationStore store) {
        this.store = store;
    }

    public NotificationStore.Page<Notification> list(
            @Nullable Delivery delivery, @Nullable String executionId, int limit, @Nullable String cursor) {
        return store.list(delivery, executionId, limit, cursor);
    }

    public Optional<Notification> find(String id) {
        return store.find(id);
    }
}
