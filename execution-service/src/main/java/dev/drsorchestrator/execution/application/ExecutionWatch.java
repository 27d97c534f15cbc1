package dev.drsorchestrator.execution.application;

import dev.drsorchestrator.contracts.ids.ExecutionId;
import dev.drsorchestrator.execution.config.ExecutionConfig;
import dev.drsorchestrator.execution.domain.ExecutionStore;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * The open streams of executions' changes ({@code GET /executions/{id}/events}) and where their changes come from.
 *
 * <ul>
 *   <li>This instance's changes: {@link ExecutionEngine} calls {@link #changed} once a change of an execution is
 *       stored; a watched execution is then read again at once and its new state sent to each of its streams.
 *   <li>Changes committed by other instances (several share one queue): every {@code execution.stream.poll-interval}
 *       each watched execution is read once, however many streams watch it, and sent when its version grew.
 * </ul>
 *
 * A stream gets a version only when it is newer than the last one it got: never twice, never backwards. Streams that
 * are closed (the client left) or whose send failed are dropped at the next look; an execution without streams is
 * no longer read. At most {@code execution.stream.max-streams} are open at once; every
 * {@code execution.stream.keep-alive} each gets a comment so that proxies keep the connection. Reads (DynamoDB) and
 * sends happen on this class's own threads, never on the caller's or an event loop.
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
    private volatile boolean stopped;
    private ScheduledExecutorService ticks;
    private ExecutorService readers;

    ExecutionWatch(ExecutionQueries queries, ExecutionConfig config) {
        this.queries = queries;
        this.config = config.stream();
    }

    /**
     * Adds a stream of {@code current}'s execution and sends it {@code current} at once, unless {@code resumed} (the
     * client's {@code Last-Event-ID} is {@code current}'s version): then only later versions, and a comment now.
     *
     * @throws TooManyStreams when {@code execution.stream.max-streams} are open (nothing was sent)
     */
    public void open(ExecutionSnapshot current, boolean resumed, Stream stream) {
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
        ExecutionId id = current.execution().executionId;
        Subscription subscription = new Subscription(stream);
        watched.compute(id, (key, w) -> {
            Watched result = w == null ? new Watched(key) : w;
            result.subscriptions.add(subscription);
            return result;
        });
        if (resumed) {
            subscription.skipTo(current.version());
        } else {
            subscription.offer(current);
        }
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
        ticks = Executors.newSingleThreadScheduledExecutor(daemon("execution-streams"));
        readers = Executors.newFixedThreadPool(Math.max(1, config.threads()), daemon("execution-stream-reads"));
        long poll = config.pollInterval().toMillis();
        long keepAlive = config.keepAlive().toMillis();
        ticks.scheduleWithFixedDelay(this::poll, poll, poll, TimeUnit.MILLISECONDS);
        ticks.scheduleWithFixedDelay(this::keepAlive, keepAlive, keepAlive, TimeUnit.MILLISECONDS);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Drops closed streams and executions nobody watches; reads every other watched execution once. */
    void poll() {
        try {
            for (Watched w : watched.values()) {
                if (sweep(w)) {
                    refresh(w);
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "looking at watched executions failed; looking again in %s", config.pollInterval());
        }
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

    /** Removes the closed streams of {@code w}, and {@code w} when none is left; whether any is left. */
    private boolean sweep(Watched w) {
        for (Subscription s : w.subscriptions) {
            if (!s.stream.isOpen()) {
                remove(w, s);
            }
        }
        watched.computeIfPresent(w.id, (key, current) -> current.subscriptions.isEmpty() ? null : current);
        return !w.subscriptions.isEmpty();
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
            Optional<ExecutionStore.Stored> stored = queries.find(w.id);
            if (stored.isEmpty()) {
                return;
            }
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

    /** Closes every stream (their clients see the end and may reconnect to another instance) and stops. */
    void stop(@Observes ShutdownEvent event) {
        stopped = true;
        List<Watched> all = List.copyOf(watched.values());
        for (Watched w : all) {
            for (Subscription s : w.subscriptions) {
                remove(w, s);
            }
        }
        watched.clear();
        synchronized (this) {
            if (ticks != null) {
                ticks.shutdownNow();
                readers.shutdownNow();
            }
        }
    }

    /** An execution with open streams. */
    private static final class Watched {
        final ExecutionId id;
        final Set<Subscription> subscriptions = ConcurrentHashMap.newKeySet();
        final AtomicBoolean reading = new AtomicBoolean();
        final AtomicBoolean pending = new AtomicBoolean();

        Watched(ExecutionId id) {
            this.id = id;
        }
    }

    /** One stream and the last version it got; its sends are one at a time, in order. */
    private static final class Subscription {
        final Stream stream;
        private volatile long sent = -1;

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
            try {
                stream.close();
            } catch (RuntimeException e) {
                LOG.debugf("closing a stream failed: %s", e);
            }
        }
    }
}
