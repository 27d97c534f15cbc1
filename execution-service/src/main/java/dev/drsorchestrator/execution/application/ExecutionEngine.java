package dev.drsorchestrator.execution.application;

import dev.drsorchestrator.contracts.envelope.EventMetadata;
import dev.drsorchestrator.contracts.envelope.EventPayload;
import dev.drsorchestrator.contracts.events.plan.ExecutionRequested;
import dev.drsorchestrator.contracts.ids.ExecutionId;
import dev.drsorchestrator.execution.config.ExecutionConfig;
import dev.drsorchestrator.execution.domain.ConsumedEvent;
import dev.drsorchestrator.execution.domain.Control;
import dev.drsorchestrator.execution.domain.Decision;
import dev.drsorchestrator.execution.domain.Execution;
import dev.drsorchestrator.execution.domain.ExecutionMachine;
import dev.drsorchestrator.execution.domain.ExecutionMachine.Input;
import dev.drsorchestrator.execution.domain.ExecutionNotFound;
import dev.drsorchestrator.execution.domain.ExecutionStore;
import dev.drsorchestrator.execution.domain.ExecutionStore.Change;
import dev.drsorchestrator.execution.domain.ExecutionStore.Stored;
import dev.drsorchestrator.execution.domain.Outgoing;
import dev.drsorchestrator.execution.domain.Timer;
import dev.drsorchestrator.kit.metrics.CloudWatchNames;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.jboss.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * Runs every input through the state machine against a fresh read of the execution and commits the decision with
 * a condition on the version it read. When another instance (or another poller thread) changed the execution
 * first, the input is decided again from the new state; so two instances on one queue never both advance an
 * execution from the same state, and nothing is kept in memory between inputs.
 *
 * <p>Every change it stores is told to {@link ExecutionWatch}, which sends it to the execution's open streams.
 *
 * <p>Counts {@code execution.wave.timeouts}: a wave timeout that fired while its wave attempt was still running.
 */
@ApplicationScoped
public class ExecutionEngine {

    private static final Logger LOG = Logger.getLogger(ExecutionEngine.class);
    private static final String SERVICE_ACTOR = "execution-service";

    private final ExecutionStore store;
    private final Clock clock;
    private final int retries;
    private final Duration drillTtlUnit;
    private final MeterRegistry metrics;
    private final ExecutionWatch watch;

    ExecutionEngine(
            ExecutionStore store, Clock clock, ExecutionConfig config, MeterRegistry metrics, ExecutionWatch watch) {
        this.store = store;
        this.watch = watch;
        this.clock = clock;
        this.retries = config.conflictRetries();
        this.drillTtlUnit = config.drillTtlUnit();
        this.metrics = metrics;
    }

    /**
     * A request from plan-service: create the execution (rejected, awaiting approval, or started). {@code
     * requestedById} is the request's {@code metadata.actorId}, the verified subject of the requester.
     */
    public void onRequested(ExecutionRequested request, @Nullable String requestedById, ConsumedEvent consumed) {
        for (int attempt = 1; ; attempt++) {
            if (store.find(request.executionId()).isPresent()) {
                LOG.infof(
                        "execution %s exists already; request %s changes nothing",
                        request.executionId(), consumed.eventId());
                store.acknowledge(consumed, null);
                return;
            }
            ExecutionStore.Holds holds = store.holds();
            Decision decision =
                    ExecutionMachine.request(request, requestedById, holds.active(), clock.instant(), drillTtlUnit);
            Execution state = decision.state();
            try {
                store.create(
                        change(
                                decision,
                                state.status.isActive(),
                                false,
                                null,
                                consumed,
                                request.requestedBy(),
                                requestedById),
                        holds);
                LOG.infof("execution %s of plan %s: %s", state.executionId, state.planName, state.status);
                return;
            } catch (ExecutionStore.AlreadyDone e) {
                store.acknowledge(consumed, null);
                return;
            } catch (ExecutionStore.Conflict e) {
                giveUpAfter(attempt, e);
            }
        }
    }

    /** A report from drs-adapter about one of our executions. */
    public void onReport(ExecutionId id, EventPayload event, ConsumedEvent consumed) {
        Optional<Decided> applied = decide(
                id,
                e -> ExecutionMachine.apply(e, new Input.Reported(event), clock.instant()),
                null,
                consumed,
                SERVICE_ACTOR,
                null);
        if (applied.isEmpty()) {
            LOG.warnf(
                    "%s %s is about execution %s, which does not exist here; ignored",
                    consumed.detailType(), consumed.eventId(), id);
        }
    }

    /** A due timer; harmless when another instance fired it first or it no longer applies. */
    public void onTimer(Timer timer) {
        boolean[] timesOut = {false};
        Optional<Decided> applied = decide(
                timer.executionId(),
                e -> {
                    timesOut[0] = ExecutionMachine.timesOut(e, timer);
                    return ExecutionMachine.apply(e, new Input.TimerFired(timer), clock.instant());
                },
                timer,
                null,
                SERVICE_ACTOR,
                null);
        if (applied.isEmpty()) {
            store.acknowledge(null, timer);
        } else if (applied.get().saved() && timesOut[0]) {
            // Counted by the instance whose change committed: once, however often the timer fires.
            LOG.infof("wave %s of execution %s timed out", timer.waveId(), timer.executionId());
            metrics.counter(CloudWatchNames.Meters.WAVE_TIMEOUTS).increment();
        }
    }

    /**
     * An operator's control.
     *
     * @throws ExecutionNotFound when there is no such execution
     * @throws dev.drsorchestrator.execution.domain.ControlRejected when its state does not allow the control
     */
    public Controlled control(ExecutionId id, Control control) {
        return decide(
                        id,
                        e -> ExecutionMachine.apply(e, new Input.Operator(control), clock.instant()),
                        null,
                        null,
                        control.actor(),
                        control.actorId())
                .map(d -> new Controlled(d.state(), d.version()))
                .orElseThrow(() -> new ExecutionNotFound(id.value()));
    }

    /**
     * The execution after a control, and its stored version: the one the control's change committed (or, when the
     * control changed nothing, the version it was read at). The same number as the stream's event id, so that a client
     * can tell this answer from an older or newer state.
     */
    public record Controlled(Execution execution, long version) {}

    /**
     * What {@link #decide} did: the execution after the input, its version (stored by this call, or read when nothing
     * was stored), and whether this call stored the change.
     */
    private record Decided(Execution state, long version, boolean saved) {}

    private Optional<Decided> decide(
            ExecutionId id,
            Function<Execution, Decision> machine,
            @Nullable Timer fired,
            @Nullable ConsumedEvent consumed,
            String actor,
            @Nullable String actorId) {
        for (int attempt = 1; ; attempt++) {
            Optional<Stored> stored = store.find(id);
            if (stored.isEmpty()) {
                store.acknowledge(consumed, fired);
                return Optional.empty();
            }
            boolean wasActive = stored.get().execution().status.isActive();
            Decision decision = machine.apply(stored.get().execution());
            Execution after = decision.state();
            if (decision.events().isEmpty() && decision.timers().isEmpty() && store.unchanged(stored.get(), after)) {
                store.acknowledge(consumed, fired);
                return Optional.of(new Decided(after, stored.get().version(), false));
            }
            boolean release = wasActive && after.status.isTerminal();
            ExecutionStore.Holds holds = release ? store.holds() : null;
            try {
                long version = store.save(
                        change(decision, false, release, fired, consumed, actor, actorId),
                        stored.get().version(),
                        holds);
                watch.changed(id);
                return Optional.of(new Decided(after, version, true));
            } catch (ExecutionStore.AlreadyDone e) {
                // Only with a fired timer or a consumed event (never a control): its version is not looked at.
                LOG.debugf("%s", e.getMessage());
                return Optional.of(new Decided(after, stored.get().version(), false));
            } catch (ExecutionStore.Conflict e) {
                giveUpAfter(attempt, e);
            }
        }
    }

    private void giveUpAfter(int attempt, ExecutionStore.Conflict e) {
        if (attempt >= retries) {
            throw new IllegalStateException(
                    "gave up after " + attempt + " concurrent changes; the input is retried by the queue", e);
        }
        LOG.debugf("%s; deciding again (%d)", e.getMessage(), attempt);
    }

    private Change change(
            Decision decision,
            boolean hold,
            boolean release,
            @Nullable Timer fired,
            @Nullable ConsumedEvent consumed,
            String actor,
            @Nullable String actorId) {
        Execution e = decision.state();
        Instant now = clock.instant();
        List<Outgoing> events = decision.events().stream()
                .map(payload -> new Outgoing(
                        new EventMetadata(
                                UUID.randomUUID().toString(),
                                EventMetadata.CURRENT_SCHEMA_VERSION,
                                now,
                                e.executionId.value(),
                                consumed == null ? null : consumed.eventId(),
                                actor,
                                consumed == null ? null : consumed.traceparent(),
                                actorId),
                        payload))
                .toList();
        return new Change(e, events, decision.timers(), decision.timeline(), hold, release, fired, consumed);
    }
}
