package dev.drsorchestrator.execution.application;

import static dev.drsorchestrator.execution.Fixtures.threeTiers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.drsorchestrator.contracts.ids.ExecutionId;
import dev.drsorchestrator.contracts.model.ExecutionType;
import dev.drsorchestrator.execution.Fixtures;
import dev.drsorchestrator.execution.adapter.out.dynamodb.ExecutionJson;
import dev.drsorchestrator.execution.config.ExecutionConfig;
import dev.drsorchestrator.execution.domain.ActiveExecutions;
import dev.drsorchestrator.execution.domain.ConsumedEvent;
import dev.drsorchestrator.execution.domain.Execution;
import dev.drsorchestrator.execution.domain.ExecutionMachine;
import dev.drsorchestrator.execution.domain.ExecutionQuery;
import dev.drsorchestrator.execution.domain.ExecutionStatus;
import dev.drsorchestrator.execution.domain.ExecutionStore;
import dev.drsorchestrator.execution.domain.ListPage;
import dev.drsorchestrator.execution.domain.TimelineEntry;
import dev.drsorchestrator.execution.domain.Timer;
import io.quarkus.runtime.ShutdownEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The hub of the streams, without HTTP: one read per watched execution per look however many streams, each stream
 * gets each version once and never an older one, closed streams and unwatched executions are dropped, the number of
 * streams is capped, and stopping closes them all. Its own timers are set to an hour: the test calls the looks.
 */
class ExecutionWatchTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private final MemoryStore store = new MemoryStore();
    private final ExecutionWatch watch =
            new ExecutionWatch(new ExecutionQueries(store, Clock.fixed(NOW, ZoneOffset.UTC)), config(3));

    @AfterEach
    void stop() {
        watch.stop(new ShutdownEvent());
    }

    @Test
    void manyStreamsOfOneExecutionCostOneReadPerLookAndEachGetsEveryNewVersionOnce() {
        ExecutionId id = store.put(execution(), 1);
        List<FakeStream> streams = List.of(new FakeStream(), new FakeStream(), new FakeStream());
        for (FakeStream s : streams) {
            watch.open(snapshot(id), false, null, s);
        }
        assertThat(streams).allSatisfy(s -> assertThat(s.versions).containsExactly(1L));
        assertThat(store.reads.get()).as("opening reads nothing more").isZero();

        watch.poll();
        await().until(() -> store.reads.get() == 1);
        watch.poll();
        await().until(() -> store.reads.get() == 2);
        assertThat(streams).allSatisfy(s -> assertThat(s.versions).containsExactly(1L));

        store.put(store.execution(id), 2); // another instance's change
        watch.poll();
        await().until(() -> streams.stream().allMatch(s -> s.versions.size() == 2));
        assertThat(store.reads.get()).isEqualTo(3);

        watch.changed(id); // this instance's change (same version): read again, sent to nobody
        await().until(() -> store.reads.get() == 4);
        store.put(store.execution(id), 1); // an older version read late: never sent
        watch.poll();
        await().until(() -> store.reads.get() == 5);
        store.put(store.execution(id), 3);
        watch.changed(id);
        await().until(() -> streams.stream().allMatch(s -> s.versions.size() == 3));
        assertThat(streams).allSatisfy(s -> assertThat(s.versions).containsExactly(1L, 2L, 3L));
    }

    @Test
    void aResumedStreamGetsOnlyLaterVersionsAndAKeepAliveAtOnce() {
        ExecutionId id = store.put(execution(), 5);
        FakeStream resumed = new FakeStream();
        watch.open(snapshot(id), true, null, resumed);
        assertThat(resumed.versions).isEmpty();
        assertThat(resumed.keepAlives.get()).isEqualTo(1);

        store.put(store.execution(id), 6);
        watch.changed(id);
        await().until(() -> resumed.versions.equals(List.of(6L)));
    }

    @Test
    void closedStreamsAreDroppedAnExecutionWithoutStreamsIsNoLongerReadAndTheCapRefusesBeyondIt() {
        ExecutionId one = store.put(execution(), 1);
        ExecutionId two = store.put(execution(), 1);
        FakeStream a = new FakeStream();
        FakeStream b = new FakeStream();
        FakeStream c = new FakeStream();
        watch.open(snapshot(one), false, null, a);
        watch.open(snapshot(one), false, null, b);
        watch.open(snapshot(two), false, null, c);
        assertThat(watch.streams()).isEqualTo(3);
        assertThat(watch.watchedExecutions()).isEqualTo(2);

        FakeStream d = new FakeStream();
        assertThatThrownBy(() -> watch.open(snapshot(two), false, null, d))
                .isInstanceOfSatisfying(ExecutionWatch.TooManyStreams.class, e -> {
                    assertThat(e.open()).isEqualTo(3);
                    assertThat(e.retryAfter()).isPositive();
                });
        assertThat(d.versions).as("nothing sent to a refused stream").isEmpty();

        c.open = false; // its client left
        watch.poll();
        await().until(() -> store.reads.get() == 1); // only `one` is read
        assertThat(watch.watchedExecutions()).isEqualTo(1);
        assertThat(watch.streams()).isEqualTo(2);
        assertThat(c.closed).isTrue();
        watch.poll();
        await().until(() -> store.reads.get() == 2);
        assertThat(store.readIds).containsExactly(one, one);

        watch.open(snapshot(two), false, null, d); // room again
        assertThat(d.versions).containsExactly(1L);
    }

    @Test
    void stoppingClosesEveryStreamAndRefusesNewOnes() {
        ExecutionId id = store.put(execution(), 1);
        FakeStream a = new FakeStream();
        watch.open(snapshot(id), false, null, a);

        watch.stop(new ShutdownEvent());

        assertThat(a.closed).isTrue();
        assertThat(watch.streams()).isZero();
        assertThatThrownBy(() -> watch.open(snapshot(id), false, null, new FakeStream()))
                .isInstanceOf(ExecutionWatch.TooManyStreams.class);
    }

    @Test
    void aStreamIsClosedWhenItsCallersTokenExpiresAndDropped() {
        ExecutionId id = store.put(execution(), 1);
        FakeStream expiring = new FakeStream();
        FakeStream lasting = new FakeStream();
        watch.open(snapshot(id), false, Instant.now().plusMillis(300), expiring);
        watch.open(snapshot(id), false, Instant.now().plus(Duration.ofHours(1)), lasting);
        assertThat(expiring.closed).isFalse();

        await().atMost(Duration.ofSeconds(5)).until(() -> expiring.closed);
        assertThat(watch.streams()).as("dropped at once, not at the next look").isEqualTo(1);
        assertThat(lasting.closed).isFalse();

        FakeStream expired = new FakeStream(); // a token that expired while the request was read
        watch.open(snapshot(id), false, Instant.now().minusSeconds(1), expired);
        await().atMost(Duration.ofSeconds(5)).until(() -> expired.closed);
        await().until(() -> watch.streams() == 1);
    }

    @Test
    void theCloseInstantIsTheTokensExpiryOrMaxLifeWhenSooner() {
        Instant now = Instant.parse("2026-11-23T10:00:00Z");
        assertThat(watch.closeAt(now, null)).as("no expiry, no max-life: never").isNull();
        assertThat(watch.closeAt(now, now.plusSeconds(3600))).isEqualTo(now.plusSeconds(3600));

        ExecutionWatch capped = new ExecutionWatch(
                new ExecutionQueries(store, Clock.fixed(NOW, ZoneOffset.UTC)),
                config(3, Duration.ofHours(1), Duration.ofMinutes(1), () -> {}));
        assertThat(capped.closeAt(now, null)).isEqualTo(now.plusSeconds(60));
        assertThat(capped.closeAt(now, now.plusSeconds(3600))).isEqualTo(now.plusSeconds(60));
        assertThat(capped.closeAt(now, now.plusSeconds(10))).isEqualTo(now.plusSeconds(10));

        ExecutionWatch short_ = new ExecutionWatch(
                new ExecutionQueries(store, Clock.fixed(NOW, ZoneOffset.UTC)),
                config(3, Duration.ofHours(1), Duration.ofMillis(200), () -> {}));
        try {
            FakeStream s = new FakeStream();
            short_.open(snapshot(store.put(execution(), 1)), false, null, s);
            await().atMost(Duration.ofSeconds(5)).until(() -> s.closed);
            assertThat(short_.streams()).isZero();
        } finally {
            short_.stop(new ShutdownEvent());
        }
    }

    @Test
    void theStreamsOfAnExecutionThatNoLongerExistsAreClosedAndItIsNoLongerRead() {
        ExecutionId id = store.put(execution(), 1);
        FakeStream a = new FakeStream();
        FakeStream b = new FakeStream();
        watch.open(snapshot(id), false, null, a);
        watch.open(snapshot(id), false, null, b);

        store.items.remove(id); // deleted
        watch.poll();
        await().until(() -> a.closed && b.closed);
        assertThat(watch.streams()).isZero();
        assertThat(watch.watchedExecutions()).isZero();
        assertThat(a.versions).as("nothing more sent").containsExactly(1L);

        watch.poll();
        watch.changed(id);
        assertThat(store.reads.get()).as("no longer read").isEqualTo(1);
    }

    @Test
    void anExecutionThatEndedIsReadOnlyEveryEndedPollIntervalButThisInstancesChangesAreSentAtOnce() {
        Execution done = execution();
        done.status = ExecutionStatus.COMPLETED;
        ExecutionId ended = store.put(done, 1);
        ExecutionId running = store.put(execution(), 1);
        FakeStream a = new FakeStream();
        FakeStream b = new FakeStream();
        watch.open(snapshot(ended), false, null, a);
        watch.open(snapshot(running), false, null, b);

        watch.poll();
        await().until(() -> store.reads.get() == 1);
        watch.poll();
        await().until(() -> store.reads.get() == 2);
        assertThat(store.readIds).as("the ended one waits its hour").containsExactly(running, running);

        store.put(store.execution(ended), 2); // a cleanup, by this instance
        watch.changed(ended);
        await().until(() -> a.versions.equals(List.of(1L, 2L)));

        ExecutionWatch soon = new ExecutionWatch(
                new ExecutionQueries(store, Clock.fixed(NOW, ZoneOffset.UTC)),
                config(3, Duration.ofMillis(200), null, () -> {}));
        try {
            FakeStream c = new FakeStream();
            soon.open(snapshot(ended), false, null, c);
            store.put(store.execution(ended), 3); // by another instance
            soon.poll();
            assertThat(c.versions).as("not read before its interval").containsExactly(2L);
            await().atMost(Duration.ofSeconds(5)).until(() -> {
                soon.poll();
                return c.versions.equals(List.of(2L, 3L));
            });
        } finally {
            soon.stop(new ShutdownEvent());
        }
    }

    @Test
    void aStreamAddedWhileTheHubStopsIsClosedByTheStop() {
        // stop() runs on another thread while open() is past its look at whether the hub stops (it reads max-streams
        // then): stop() must wait for the add and close the stream, not finish first and leave it open.
        ExecutionId id = store.put(execution(), 1);
        ExecutionWatch[] racing = new ExecutionWatch[1];
        Thread[] stopper = new Thread[1];
        racing[0] = new ExecutionWatch(
                new ExecutionQueries(store, Clock.fixed(NOW, ZoneOffset.UTC)),
                config(3, Duration.ofHours(1), null, () -> {
                    if (stopper[0] == null) {
                        stopper[0] = new Thread(() -> racing[0].stop(new ShutdownEvent()), "stopper");
                        stopper[0].start();
                        await().atMost(Duration.ofSeconds(5))
                                .until(() -> stopper[0].getState() == Thread.State.BLOCKED
                                        || stopper[0].getState() == Thread.State.WAITING
                                        || stopper[0].getState() == Thread.State.TERMINATED);
                    }
                }));
        FakeStream s = new FakeStream();
        racing[0].open(snapshot(id), false, null, s);
        await().atMost(Duration.ofSeconds(5)).until(() -> !stopper[0].isAlive());
        assertThat(s.closed)
                .as("the stream added before the stop finished is closed")
                .isTrue();
        assertThat(racing[0].streams()).isZero();
    }

    private ExecutionSnapshot snapshot(ExecutionId id) {
        return new ExecutionQueries(store, Clock.fixed(NOW, ZoneOffset.UTC)).snapshot(store.items.get(id));
    }

    private static Execution execution() {
        return ExecutionMachine.request(
                        Fixtures.request(ExecutionType.DRILL, threeTiers()), ActiveExecutions.none(), NOW)
                .state();
    }

    static final class FakeStream implements ExecutionWatch.Stream {
        final List<Long> versions = new CopyOnWriteArrayList<>();
        final AtomicInteger keepAlives = new AtomicInteger();
        volatile boolean open = true;
        volatile boolean closed;

        @Override
        public void send(ExecutionSnapshot snapshot) {
            versions.add(snapshot.version());
        }

        @Override
        public void keepAlive() {
            keepAlives.incrementAndGet();
        }

        @Override
        public boolean isOpen() {
            return open && !closed;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    /** Only reading: {@code find} (counted) and {@code copies}. */
    static final class MemoryStore implements ExecutionStore {
        final Map<ExecutionId, Stored> items = new ConcurrentHashMap<>();
        final AtomicInteger reads = new AtomicInteger();
        final List<ExecutionId> readIds = new CopyOnWriteArrayList<>();

        ExecutionId put(Execution e, long version) {
            items.put(e.executionId, new Stored(e, version, ExecutionJson.write(e)));
            return e.executionId;
        }

        Execution execution(ExecutionId id) {
            return items.get(id).execution();
        }

        @Override
        public Optional<Stored> find(ExecutionId id) {
            readIds.add(id);
            Optional<Stored> found = Optional.ofNullable(items.get(id));
            reads.incrementAndGet();
            return found;
        }

        @Override
        public Supplier<Execution> copies(Execution state) {
            return ExecutionJson.copies(state);
        }

        @Override
        public Holds holds() {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean unchanged(Stored read, Execution state) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void create(Change change, Holds holds) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long save(Change change, long version, Holds holds) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void acknowledge(ConsumedEvent consumed, Timer fired) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ListPage<Execution> list(ExecutionQuery query) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ListPage<TimelineEntry> timeline(ExecutionId id, int limit, String cursor) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Timer> dueTimers(Instant now, int limit) {
            throw new UnsupportedOperationException();
        }
    }

    private static ExecutionConfig config(int maxStreams) {
        return config(maxStreams, Duration.ofHours(1), null, () -> {});
    }

    /**
     * @param onMaxStreams runs each time the hub reads {@code max-streams} (when it opens a stream, after it looked
     *     whether it stops)
     */
    private static ExecutionConfig config(
            int maxStreams, Duration endedPollInterval, Duration maxLife, Runnable onMaxStreams) {
        ExecutionConfig.Stream stream = new ExecutionConfig.Stream() {
            @Override
            public Duration endedPollInterval() {
                return endedPollInterval;
            }

            @Override
            public Optional<Duration> maxLife() {
                return Optional.ofNullable(maxLife);
            }

            @Override
            public Duration keepAlive() {
                return Duration.ofHours(1);
            }

            @Override
            public Duration pollInterval() {
                return Duration.ofHours(1);
            }

            @Override
            public int maxStreams() {
                onMaxStreams.run();
                return maxStreams;
            }

            @Override
            public int threads() {
                return 2;
            }
        };
        return new ExecutionConfig() {
            @Override
            public Tables tables() {
                return null;
            }

            @Override
            public Duration drillTtlUnit() {
                return Duration.ofMinutes(1);
            }

            @Override
            public Timers timers() {
                return null;
            }

            @Override
            public int conflictRetries() {
                return 10;
            }

            @Override
            public Stream stream() {
                return stream;
            }
        };
    }
}
