package dev.drsorchestrator.execution.application;

import dev.drsorchestrator.contracts.ids.ExecutionId;
import dev.drsorchestrator.execution.config.ExecutionConfig;
import dev.drsorchestrator.execution.domain.ExecutionStore;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * The open streams of executions' changes ({@code GET /executions/{id}/events}) and where their changes come from.
 *
 * <ul>
 *   <li>This instance's changes: {@link ExecutionEngine} calls {@link #changed} once a change of an execution is
 *       stored; a watched execution is then read again at once and its new state sent to each of its streams.
 *   <li>Changes committed by other instances (several share one queue): every {@code execution.stream.poll-interval}
 *       each watched execution is read once, however many streams watch it, and sent when its version grew. An
 *       execution that ended (COMPLETED, FAILED, CANCELLED, REJECTED) is read only every
 *       {@code execution.stream.ended-poll-interval} (a drill's cleanup still changes it); this instance's changes of it
 *       are still sent at once.
 * </ul>
 *
 * A stream gets a version only when it is newer than the last one it got: never twice, never backwards. Streams that
 * are closed (the client left) or whose send failed are dropped at the next look; an execution without streams is
 * no longer read; an execution that no longer exists has its streams closed (nothing more is sent). A stream is closed
 * when its caller's token expires (the client reconnects with a fresh one and {@code Last-Event-ID}), or after
 * {@code execution.stream.max-life} when that is set. At most {@code execution.stream.max-streams} are open at once;
 * every {@code execution.stream.keep-alive} each gets a comment so that proxies keep the connection.
 *
 * <p>Threads: reads (DynamoDB) and the sends of later states happen on this class's own threads (a reader pool, and one
 * scheduler for the polls, keep-alives and closes at expiry), never on an event loop. Only the first state of a new
 * stream is sent by {@link #open} on the caller's thread, the request's worker thread that read it; a send never blocks
 * (the adapter writes asynchronously).
 */
@ApplicationScoped
public class ExecutionWatch {

    private static final Logger LOG = Logger.getLogger(ExecutionWatch.class);

    /** One client's stream, as the inbound adapter sends it. Calls for one stream never overlap. */
    public interface Stream {
        /** Sends the execution's state; never blocks (a failure shows as {@link #isOpen} false later). */
        void send(ExecutionSnapshot snapshot);

        /** Sends a comment that keeps the connection from looking idle. */
        void keepAlive();

        /** False once the client left, the sink was closed or a send failed. */
        boolean isOpen();

        void close();
    }

    /** {@code execution.stream.max-streams} are open: try again later. */
    public static final class TooManyStreams extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int open;
        private final Duration retryAfter;

        TooManyStreams(int open, Duration retryAfter) {
            this(
                    open + " streams are open on this instance, the most it keeps; try again in "
                            + retryAfter.toSeconds() + " s, or read GET /executions/{id} meanwhile",
                    open,
                    retryAfter);
        }

        TooManyStreams(String message, int open, Duration retryAfter) {
            super(message);
            this.open = open;
            this.retryAfter = retryAfter;
        }

        public int open() {
            return open;
        }

        public Duration retryAfter() {
            return retryAfter;
        }
    }

    private final ExecutionQueries queries;
    private final ExecutionConfig.Stream config;
    private final Map<ExecutionId, Watched> watched = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();
    /** Written under this object's lock only, so that {@link #open} and {@link #stop} never interleave. */
    private volatile boolean stopped;

    private @Nullable ScheduledThreadPoolExecutor ticks;
    private @Nullable ExecutorService readers;

    ExecutionWatch(ExecutionQueries queries, ExecutionConfig config) {
        this.queries = queries;
        this.config = config.stream();
    }

    /**
     * Adds a stream of {@code current}'s execution and sends it {@code current} at once, unless {@code resumed} (the
     * client's {@code Last-Event-ID} is {@code current}'s version): then only later versions, and a comment now.
     *
     * @param expiresAt when the caller's token expires: the stream is closed then (absent: only {@code max-life})
     * @throws TooManyStreams when {@code execution.stream.max-streams} are open (nothing was sent)
     */
    public void open(ExecutionSnapshot current, boolean resumed, @Nullable Instant expiresAt, Stream stream) {
        ExecutionId id = current.execution().executionId;
        Subscription subscription = new Subscription(stream);
        Watched w;
        // The check and the add under the lock that stop() takes: a stream added is one that stop() closes.
        synchronized (this) {
            if (stopped) {
                throw new TooManyStreams(
                        "this instance is stopping; try again in a few seconds (another instance will answer)",
                        open.get(),
                        Duration.ofSeconds(5));
            }
            if (open.incrementAndGet() > config.maxStreams()) {
                open.decrementAndGet();
                throw new TooManyStreams(config.maxStreams(), retryAfter());
            }
            start();
            w = watched.compute(id, (key, known) -> {
                Watched result = known == null ? new Watched(key) : known;
                result.subscriptions.add(subscription);
                return result;
            });
            w.readAt(current.execution().status.isTerminal());
            Instant closeAt = closeAt(Instant.now(), expiresAt);
            if (closeAt != null) {
                long delay =
                        Math.max(0, Duration.between(Instant.now(), closeAt).toMillis());
                Watched of = w;
                subscription.expiry = ticks.schedule(() -> expire(of, subscription), delay, TimeUnit.MILLISECONDS);
            }
        }
        if (resumed) {
            subscription.skipTo(current.version());
        } else {
            subscription.offer(current);
        }
    }

    /**
     * When a stream opened at {@code now} by a caller whose token expires at {@code expiresAt} is closed: at the
     * expiry, or {@code execution.stream.max-life} after {@code now} when that is sooner; absent when neither is set.
     */
    @Nullable
    Instant closeAt(Instant now, @Nullable Instant expiresAt) {
        Instant cap = config.maxLife().map(now::plus).orElse(null);
        if (expiresAt == null || (cap != null && cap.isBefore(expiresAt))) {
            return cap;
        }
        return expiresAt;
    }

    /** This instance stored a change of {@code id}: read it again now when a stream watches it. */
    public void changed(ExecutionId id) {
        Watched w = watched.get(id);
        if (w != null) {
            refresh(w);
        }
    }

    /** How many streams are open now. */
    public int streams() {
        return open.get();
    }

    /** How many executions are watched (read every poll interval) now. */
    public int watchedExecutions() {
        return watched.size();
    }

    private Duration retryAfter() {
        Duration keepAlive = config.keepAlive();
        return keepAlive.compareTo(Duration.ofSeconds(5)) < 0 ? Duration.ofSeconds(5) : keepAlive;
    }

    private synchronized void start() {
        if (ticks != null || stopped) {
            return;
        }
        ticks = new ScheduledThreadPoolExecutor(1, daemon("execution-streams"));
        ticks.setRemoveOnCancelPolicy(true); // a stream closed early does not keep its close at expiry queued
        readers = Executors.newFixedThreadPool(Math.max(1, config.threads()), daemon("execution-stream-reads"));
        long poll = config.pollInterval().toMillis();
        long keepAlive = config.keepAlive().toMillis();
        ticks.scheduleWithFixedDelay(this::poll, poll, poll, TimeUnit.MILLISECONDS);
        ticks.scheduleWithFixedDelay(this::keepAlive, keepAlive, keepAlive, TimeUnit.MILLISECONDS);
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * Drops closed streams and executions nobody watches; reads every other watched execution once (one that ended
     * only once every {@code ended-poll-interval}).
     */
    void poll() {
        try {
            long now = System.nanoTime();
            for (Watched w : watched.values()) {
                if (sweep(w) && due(w, now)) {
                    refresh(w);
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "looking at watched executions failed; looking again in %s", config.pollInterval());
        }
    }

    private boolean due(Watched w, long now) {
        return !w.ended || now - w.readAt >= config.endedPollInterval().toNanos();
    }

    void keepAlive() {
        try {
            for (Watched w : watched.values()) {
                for (Subscription s : w.subscriptions) {
                    s.keepAlive();
                }
                sweep(w);
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "keeping streams alive failed");
        }
    }

    /** The caller's token expired (or the stream's max-life passed): closed; the client reconnects. */
    private void expire(Watched w, Subscription s) {
        try {
            LOG.debugf("a stream of %s reached its caller's token expiry; closed", w.id);
            remove(w, s);
            forgetWhenUnwatched(w);
        } catch (RuntimeException e) {
            LOG.warnf(e, "closing an expired stream of %s failed", w.id);
        }
    }

    /** Removes the closed streams of {@code w}, and {@code w} when none is left; whether any is left. */
    private boolean sweep(Watched w) {
        for (Subscription s : w.subscriptions) {
            if (!s.stream.isOpen()) {
                remove(w, s);
            }
        }
        forgetWhenUnwatched(w);
        return !w.subscriptions.isEmpty();
    }

    private void forgetWhenUnwatched(Watched w) {
        watched.computeIfPresent(w.id, (key, current) -> current.subscriptions.isEmpty() ? null : current);
    }

    private void remove(Watched w, Subscription s) {
        if (w.subscriptions.remove(s)) {
            open.decrementAndGet();
            s.close();
        }
    }

    /** Reads {@code w} on a reader thread; when a read is under way, once more after it (never two at once). */
    private void refresh(Watched w) {
        w.pending.set(true);
        if (w.reading.compareAndSet(false, true)) {
            try {
                readers.execute(() -> drain(w));
            } catch (RejectedExecutionException e) {
                w.reading.set(false); // stopping
            }
        }
    }

    private void drain(Watched w) {
        try {
            while (w.pending.getAndSet(false) && !stopped) {
                read(w);
            }
        } finally {
            w.reading.set(false);
        }
        if (w.pending.get() && !stopped) {
            refresh(w);
        }
    }

    private void read(Watched w) {
        try {
            long readAt = System.nanoTime();
            Optional<ExecutionStore.Stored> stored = queries.find(w.id);
            if (stored.isEmpty()) {
                gone(w);
                return;
            }
            w.readAt(stored.get().execution().status.isTerminal(), readAt);
            long version = stored.get().version();
            if (w.subscriptions.stream().allMatch(s -> s.sent() >= version)) {
                return; // nothing new for anyone: the controls are not worked out again
            }
            ExecutionSnapshot snapshot = queries.snapshot(stored.get());
            for (Subscription s : w.subscriptions) {
                s.offer(snapshot);
            }
        } catch (RuntimeException e) {
            LOG.warnf(
                    "reading watched execution %s failed: %s; reading it again in %s", w.id, e, config.pollInterval());
        }
    }

    /** The execution no longer exists (deleted): its streams are closed, and it is no longer read. */
    private void gone(Watched w) {
        int closed = 0;
        for (Subscription s : w.subscriptions) {
            remove(w, s);
            closed++;
        }
        forgetWhenUnwatched(w);
        LOG.infof("watched execution %s no longer exists; its %d stream(s) closed", w.id, closed);
    }

    /** Closes every stream (their clients see the end and may reconnect to another instance) and stops. */
    void stop(@Observes ShutdownEvent event) {
        List<Watched> all;
        synchronized (this) {
            stopped = true;
            all = List.copyOf(watched.values());
            watched.clear();
            if (ticks != null) {
                ticks.shutdownNow();
                readers.shutdownNow();
            }
        }
        for (Watched w : all) {
            for (Subscription s : w.subscriptions) {
                remove(w, s);
            }
        }
    }

    /** An execution with open streams. */
    private static final class Watched {
        final ExecutionId id;
        final Set<Subscription> subscriptions = ConcurrentHashMap.newKeySet();
        final AtomicBoolean reading = new AtomicBoolean();
        final AtomicBoolean pending = new AtomicBoolean();
        /** Whether it had ended when last read, and when that read started ({@link System#nanoTime}). */
        volatile boolean ended;

        volatile long readAt;

        Watched(ExecutionId id) {
            this.id = id;
        }

        void readAt(boolean ended) {
            readAt(ended, System.nanoTime());
        }

        void readAt(boolean ended, long at) {
            this.ended = ended;
            this.readAt = at;
        }
    }

    /** One stream and the last version it got; its sends are one at a time, in order. */
    private static final class Subscription {
        final Stream stream;
        private volatile long sent = -1;
        /** Its close at the caller's token expiry, cancelled when it closes first. */
        volatile @Nullable ScheduledFuture<?> expiry;

        Subscription(Stream stream) {
            this.stream = stream;
        }

        long sent() {
            return sent;
        }

        synchronized void offer(ExecutionSnapshot snapshot) {
            if (snapshot.version() <= sent || !stream.isOpen()) {
                return;
            }
            sent = snapshot.version();
            try {
                stream.send(snapshot);
            } catch (RuntimeException e) {
                LOG.debugf("sending to a stream of %s failed: %s", snapshot.execution().executionId, e);
                stream.close();
            }
        }

        synchronized void skipTo(long version) {
            sent = Math.max(sent, version);
            keepAlive();
        }

        synchronized void keepAlive() {
            if (!stream.isOpen()) {
                return;
            }
            try {
                stream.keepAlive();
            } catch (RuntimeException e) {
                stream.close();
            }
        }

        synchronized void close() {
            ScheduledFuture<?> scheduled = expiry;
            if (scheduled != null) {
                scheduled.cancel(false);
            }
            try {
                stream.close();
            } catch (RuntimeException e) {
                LOG.debugf("closing a stream failed: %s", e);
            }
        }
    }
}
