package dev.drsorchestrator.devstack.conformance.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drsorchestrator.devstack.conformance.AwsTarget;
import dev.drsorchestrator.devstack.conformance.Diverges;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ItemResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;

/**
 * Several clients at once: conditional writes have one winner, increments are all counted, and a transaction is never
 * seen half applied.
 */
@ParameterizedClass(name = "[{0}]")
@MethodSource("dev.drsorchestrator.devstack.conformance.Targets#dynamodb")
class ConcurrencyConformanceTest extends DynamoDbConformance {

    private static final int THREADS = 8;

    private ExecutorService pool;

    @BeforeEach
    void startPool() {
        pool = Executors.newFixedThreadPool(THREADS);
    }

    @AfterEach
    void stopPool() throws InterruptedException {
        if (pool == null) {
            return; // the case was skipped before the pool started
        }
        pool.shutdownNow();
        pool.awaitTermination(30, TimeUnit.SECONDS);
    }

    /** Runs the task on every thread at once (behind one start gate) and returns each thread's result. */
    private <T> List<T> race(java.util.function.IntFunction<T> task) throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            int id = i;
            Callable<T> c = () -> {
                gate.await();
                return task.apply(id);
            };
            futures.add(pool.submit(c));
        }
        gate.countDown();
        List<T> results = new ArrayList<>();
        for (Future<T> f : futures) {
            try {
                results.add(f.get(60, TimeUnit.SECONDS));
            } catch (ExecutionException e) {
                throw new AssertionError("a racing thread failed unexpectedly", e.getCause());
            }
        }
        return results;
    }

    @Test
    void racingConditionalPutsHaveExactlyOneWinnerPerRound() throws Exception {
        String t = table("race", false);
        for (int round = 0; round < 10; round++) {
            String key = "round-" + round;
            List<Boolean> won = race(id -> {
                try {
                    ddb.putItem(b -> b.tableName(t)
                            .item(item("pk", key, "winner", id))
                            .conditionExpression("attribute_not_exists(pk)"));
                    return true;
                } catch (ConditionalCheckFailedException lost) {
                    return false;
                }
            });
            assertThat(won).as("round %d", round).containsOnlyOnce(true);
            int winner = won.indexOf(true);
            assertThat(get(t, item("pk", key)).get("winner")).isEqualTo(n(winner));
        }
    }

    @Test
    @Diverges(
            target = AwsTarget.MOTO,
            reason =
                    "moto's server lets two concurrent updates with the same version condition both succeed ; AWS: a conditional write is checked and applied atomically")
    void racingVersionCheckedUpdatesHaveExactlyOneWinnerPerRound() throws Exception {
        String t = table("race", false);
        put(t, item("pk", "doc", "ver", 0));
        for (int round = 0; round < 10; round++) {
            int expected = round;
            List<Boolean> won = race(id -> {
                try {
                    ddb.updateItem(b -> b.tableName(t)
                            .key(item("pk", "doc"))
                            .updateExpression("SET ver = :next, writer = :me")
                            .conditionExpression("ver = :expected")
                            .expressionAttributeValues(item(":next", expected + 1, ":me", id, ":expected", expected)));
                    return true;
                } catch (ConditionalCheckFailedException lost) {
                    return false;
                }
            });
            assertThat(won).as("round %d", round).containsOnlyOnce(true);
            Map<String, AttributeValue> now = get(t, item("pk", "doc"));
            assertThat(now.get("ver")).isEqualTo(n(round + 1));
            assertThat(now.get("writer")).isEqualTo(n(won.indexOf(true)));
        }
    }

    @Test
    @Diverges(
            target = AwsTarget.MOTO,
            reason =
                    "moto's server loses some of the concurrent ADD increments on one item ; AWS: an UpdateItem ADD is an atomic counter, every increment is applied")
    void concurrentAddIncrementsAreAllCounted() throws Exception {
        String t = table("race", false);
        race(id -> {
            for (int i = 0; i < 25; i++) {
                ddb.updateItem(b -> b.tableName(t)
                        .key(item("pk", "counter"))
                        .updateExpression("ADD hits :one")
                        .expressionAttributeValues(item(":one", 1)));
            }
            return null;
        });
        assertThat(get(t, item("pk", "counter")).get("hits")).isEqualTo(n(THREADS * 25));
    }

    @Test
    @Diverges(
            target = AwsTarget.MOTO,
            reason =
                    "moto's TransactGetItems sees one item of a concurrent TransactWriteItems applied and the other not ; AWS: TransactGetItems is serializable with TransactWriteItems")
    void aReaderNeverSeesHalfOfATransaction() throws Exception {
        String t = table("race", false);
        put(t, item("pk", "left", "v", 0));
        put(t, item("pk", "right", "v", 0));
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger reads = new AtomicInteger();
        List<String> torn = java.util.Collections.synchronizedList(new ArrayList<>());
        TransactGetItem left = TransactGetItem.builder()
                .get(g -> g.tableName(t).key(item("pk", "left")))
                .build();
        TransactGetItem right = TransactGetItem.builder()
                .get(g -> g.tableName(t).key(item("pk", "right")))
                .build();
        race(id -> {
            if (id == 0) {
                for (int i = 1; i <= 100; i++) {
                    Map<String, AttributeValue> v = item(":v", i);
                    List<TransactWriteItem> both = List.of(
                            TransactionsConformanceTest.updateAction(t, item("pk", "left"), "SET v = :v", v),
                            TransactionsConformanceTest.updateAction(t, item("pk", "right"), "SET v = :v", v));
                    writeRetryingConflicts(both);
                }
                writing.set(false);
            } else {
                while (writing.get() || reads.get() < 10) {
                    try {
                        List<ItemResponse> r = ddb.transactGetItems(b -> b.transactItems(left, right))
                                .responses();
                        reads.incrementAndGet();
                        AttributeValue l = r.get(0).item().get("v");
                        AttributeValue rr = r.get(1).item().get("v");
                        if (!l.equals(rr)) {
                            torn.add(l.n() + "/" + rr.n());
                        }
                    } catch (TransactionCanceledException | TransactionConflictException conflict) {
                        // AWS may cancel a read that meets a write in flight; that is allowed
                    }
                }
            }
            return null;
        });
        assertThat(torn).as("left/right pairs read unequal").isEmpty();
        assertThat(reads.get()).isGreaterThanOrEqualTo(10);
        assertThat(get(t, item("pk", "left")).get("v")).isEqualTo(n(100));
        assertThat(get(t, item("pk", "right")).get("v")).isEqualTo(n(100));
    }

    @Test
    @Diverges(
            target = AwsTarget.MOTO,
            reason =
                    "moto's server interleaves concurrent TransactWriteItems and loses updates (the total drifts) ; AWS: transactions are atomic and isolated (serializable)")
    void concurrentTransfersKeepTheTotal() throws Exception {
        String t = table("race", false);
        put(t, item("pk", "A", "bal", 100));
        put(t, item("pk", "B", "bal", 100));
        List<Integer> moved = race(id -> {
            String from = id % 2 == 0 ? "A" : "B";
            String to = id % 2 == 0 ? "B" : "A";
            int applied = 0;
            for (int i = 0; i < 20; i++) {
                List<TransactWriteItem> transfer = List.of(
                        TransactWriteItem.builder()
                                .update(u -> u.tableName(t)
                                        .key(item("pk", from))
                                        .updateExpression("SET bal = bal - :amt")
                                        .conditionExpression("bal >= :amt")
                                        .expressionAttributeValues(item(":amt", 3)))
                                .build(),
                        TransactionsConformanceTest.updateAction(
                                t, item("pk", to), "SET bal = bal + :amt", item(":amt", 3)));
                try {
                    ddb.transactWriteItems(b -> b.transactItems(transfer));
                    applied += id % 2 == 0 ? 3 : -3;
                } catch (TransactionCanceledException | TransactionConflictException refused) {
                    // a failed condition or a conflict: nothing applied
                }
            }
            return applied;
        });
        int netAtoB = moved.stream().mapToInt(Integer::intValue).sum();
        int a = Integer.parseInt(get(t, item("pk", "A")).get("bal").n());
        int b = Integer.parseInt(get(t, item("pk", "B")).get("bal").n());
        assertThat(a + b).as("total").isEqualTo(200);
        assertThat(a).isEqualTo(100 - netAtoB).isGreaterThanOrEqualTo(0);
        assertThat(b).isEqualTo(100 + netAtoB).isGreaterThanOrEqualTo(0);
    }

    private void writeRetryingConflicts(List<TransactWriteItem> actions) {
        for (int attempt = 0; attempt < 100; attempt++) {
            try {
                ddb.transactWriteItems(b -> b.transactItems(actions));
                return;
            } catch (TransactionCanceledException | TransactionConflictException conflict) {
                // a concurrent read held the items; try again
            }
        }
        throw new AssertionError("a transaction kept conflicting for 100 attempts");
    }
}
