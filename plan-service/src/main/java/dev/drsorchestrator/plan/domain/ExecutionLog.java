package dev.drsorchestrator.plan.domain;

import dev.drsorchestrator.contracts.ids.ExecutionId;
import dev.drsorchestrator.contracts.ids.PlanId;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The executions plan-service requested, the plan's last one, and what each alarm or schedule firing did. */
public interface ExecutionLog {

    /**
     * What one request commits at once: the plan's last execution, the {@code ExecutionRequested} event, and as the
     * trigger needs, the caller's idempotency key, the activation, the new cooldown anchor, the consumed event.
     *
     * @param cooldownExpected the anchor read before deciding (null: none was set); the commit fails if it moved
     */
    record Request(
            PlanId planId,
            LastExecution last,
            Outgoing event,
            @Nullable String idempotencyKey,
            @Nullable Activation activation,
            @Nullable Instant cooldownExpected,
            @Nullable Instant cooldownAnchor,
            @Nullable ConsumedEvent consumed) {

        /** Builds a request: the last execution and its event, plus what the trigger adds. */
        public static final class Builder {
            private final PlanId planId;
            private final LastExecution last;
            private final Outgoing event;
            private @Nullable String idempotencyKey;
            private @Nullable Activation activation;
            private @Nullable Instant cooldownExpected;
            private @Nullable Instant cooldownAnchor;
            private @Nullable ConsumedEvent consumed;

            public Builder(PlanId planId, LastExecution last, Outgoing event) {
                this.planId = planId;
                this.last = last;
                this.event = event;
            }

            public Builder idempotencyKey(@Nullable String key) {
                this.idempotencyKey = key;
                return this;
            }

            public Builder activation(Activation value) {
                this.activation = value;
                return this;
            }

            public Builder cooldown(@Nullable Instant expected, Instant anchor) {
                this.cooldownExpected = expected;
                this.cooldownAnchor = anchor;
                return this;
            }

            public Builder consumed(@Nullable ConsumedEvent value) {
                this.consumed = value;
                return this;
            }

            public Request build() {
                return new Request(
                        planId, last, event, idempotencyKey, activation, cooldownExpected, cooldownAnchor, consumed);
            }
        }
    }

    /** Thrown when the idempotency key or the activation is already recorded: the request was already made. */
    class AlreadyRequested extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public AlreadyRequested(String what) {
            super(what);
        }
    }

    /**
     * @throws AlreadyRequested when the key or the activation exists
     * @throws PlanConflict cooldown-moved when another alarm's execution committed meanwhile
     */
    void record(Request request);

    /** Records an activation that started nothing (suppressed or refused), once. */
    void recordActivation(Activation activation, @Nullable ConsumedEvent consumed);

    Optional<LastExecution> last(PlanId plan);

    Optional<ExecutionId> requestedWithKey(PlanId plan, String idempotencyKey);

    /** When the alarm that started the plan's last alarm-triggered execution fired. */
    Optional<Instant> cooldownAnchor(PlanId plan);

    /** Moves the last execution to {@code status} if it is this execution and the status is a step forward. */
    void applyStatus(
            PlanId plan,
            ExecutionId execution,
            LastExecution.Status status,
            Instant at,
            @Nullable String detail,
            ConsumedEvent consumed);

    /** Activations, newest first. */
    ListPage<Activation> activations(PlanId plan, int limit, @Nullable Map<String, String> position);
}
