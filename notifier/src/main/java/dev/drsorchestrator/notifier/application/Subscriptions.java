package dev.drsorchestrator.notifier.application;

import dev.drsorchestrator.contracts.EventCodec;
import dev.drsorchestrator.notifier.domain.InvalidSubscription;
import dev.drsorchestrator.notifier.domain.MessagingFailed;
import dev.drsorchestrator.notifier.domain.Messenger;
import dev.drsorchestrator.notifier.domain.NotificationStore;
import dev.drsorchestrator.notifier.domain.Subscription;
import dev.drsorchestrator.notifier.domain.SubscriptionRules;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jspecify.annotations.Nullable;

/** Subscriptions to the notification topics: made in SNS with a filter policy on the message attributes. */
@ApplicationScoped
public class Subscriptions {

    private static final Logger LOG = Logger.getLogger(Subscriptions.class);

    private final NotificationStore store;
    private final Messenger sns;
    private final NotificationService notifications;
    private final Clock clock;

    Subscriptions(NotificationStore store, Messenger sns, NotificationService notifications, Clock clock) {
        this.store = store;
        this.sns = sns;
        this.notifications = notifications;
        this.clock = clock;
    }

    public Subscription create(
            @Nullable String protocol,
            @Nullable String endpoint,
            @Nullable Map<String, List<String>> filter,
            @Nullable String topicArn,
            String actor) {
        List<InvalidSubscription.Problem> problems = SubscriptionRules.check(protocol, endpoint, filter, topicArn);
        if (!problems.isEmpty()) {
            throw new InvalidSubscription(problems);
        }
        Map<String, List<String>> policy = filter == null ? Map.of() : new TreeMap<>(filter);
        String topic = topicArn == null ? notifications.defaultTopic() : topicArn;
        String arn;
        try {
            arn = sns.subscribe(topic, protocol, endpoint, EventCodec.writeJson(policy));
        } catch (MessagingFailed e) {
            if (e.retryable()) {
                throw e;
            }
            throw new InvalidSubscription(List.of(new InvalidSubscription.Problem(
                    topicArn == null ? "endpoint" : "topicArn", "SNS refused the subscription: " + e.getMessage())));
        }
        Subscription s = new Subscription(
                "sub-" + UUID.randomUUID(), protocol, endpoint, topic, policy, arn, clock.instant(), actor);
        store.create(s);
        LOG.infof("%s subscribed %s %s to %s with filter %s", actor, protocol, endpoint, topic, policy);
        return s;
    }

    public Optional<Subscription> find(String id) {
        return store.subscription(id);
    }

    public NotificationStore.Page<Subscription> list(int limit, @Nullable String cursor) {
        return store.subscriptions(limit, cursor);
    }

    /** Unsubscribes and forgets it; false when there is no such subscription. */
    public boolean delete(String id) {
        Optional<Subscription> s = store.subscription(id);
        if (s.isEmpty()) {
            return false;
        }
        if (s.get().subscriptionArn().startsWith("arn:")) {
            try {
                sns.unsubscribe(s.get().subscriptionArn());
            } catch (MessagingFailed e) {
                if (e.retryable()) {
                    throw e;
                }
                // Gone already, or never confirmed: there is nothing left in SNS to remove.
                LOG.infof("SNS had no subscription %s to remove (%s)", s.get().subscriptionArn(), e.getMessage());
            }
        }
        store.delete(s.get());
        return true;
    }
}
