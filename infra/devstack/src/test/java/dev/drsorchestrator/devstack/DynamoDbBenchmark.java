package dev.drsorchestrator.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * DynamoDB through the real SDK client over the edge port, measured, not asserted: GetItem, PutItem, a conditional
 * UpdateItem, a 10-item TransactWriteItems and a 100-item Query, each 2,000 times after 500 warm-up calls; it prints
 * p50, p95 and p99. Excluded from the normal build; run it with {@code ./mvnw -pl infra/devstack -am test
 * -Dbenchmark.skip=none -Dtest=DynamoDbBenchmark -Dsurefire.failIfNoSpecifiedTests=false}. It asserts only that the
 * calls did what they should.
 */
@Tag("benchmark")
class DynamoDbBenchmark {
    private static final int WARMUP = 500;
    private static final int RUNS = 2000;

    @Test
    void measure() {
        try (Devstack devstack = Devstack.start(DevstackConfig.forTests())) {
            DynamoDbClient ddb = new Clients(devstack).dynamodb();
            ddb.createTable(b -> b.tableName("bench")
                    .keySchema(
                            k -> k.attributeName("pk").keyType(KeyType.HASH),
                            k -> k.attributeName("sk").keyType(KeyType.RANGE))
                    .attributeDefinitions(
                            a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                            a -> a.attributeName("sk").attributeType(ScalarAttributeType.S))
                    .billingMode("PAY_PER_REQUEST"));
            for (int i = 0; i < 100; i++) {
                String sk = String.format("%03d", i);
                ddb.putItem(b -> b.tableName("bench").item(item("q", sk, 0)));
            }
            ddb.putItem(b -> b.tableName("bench").item(item("counter", "c", 0)));
            int[] n = {0};

            List<String> lines = new ArrayList<>();
            lines.add(report("PutItem", () -> {
                int i = n[0]++;
                ddb.putItem(b -> b.tableName("bench").item(item("p" + (i % 1000), "s", i)));
            }));
            lines.add(report("GetItem", () -> {
                int i = n[0]++;
                ddb.getItem(b -> b.tableName("bench").key(key("p" + (i % 1000), "s")));
            }));
            lines.add(report(
                    "UpdateItem (conditional)",
                    () -> ddb.updateItem(b -> b.tableName("bench")
                            .key(key("counter", "c"))
                            .updateExpression("SET #v = #v + :one")
                            .conditionExpression("attribute_exists(pk) AND #v >= :zero")
                            .expressionAttributeNames(Map.of("#v", "v"))
                            .expressionAttributeValues(
                                    Map.of(":one", AttributeValue.fromN("1"), ":zero", AttributeValue.fromN("0"))))));
            lines.add(report("TransactWriteItems (10 puts)", () -> {
                int i = n[0]++;
                List<TransactWriteItem> puts = new ArrayList<>();
                for (int j = 0; j < 10; j++) {
                    Map<String, AttributeValue> item = item("t" + (i % 1000), "s" + j, i);
                    puts.add(TransactWriteItem.builder()
                            .put(p -> p.tableName("bench").item(item))
                            .build());
                }
                ddb.transactWriteItems(b -> b.transactItems(puts));
            }));
            lines.add(report(
                    "Query (100 items)",
                    () -> assertThat(ddb.query(b -> b.tableName("bench")
                                            .keyConditionExpression("pk = :pk")
                                            .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("q"))))
                                    .count())
                            .isEqualTo(100)));
            assertThat(ddb.getItem(b -> b.tableName("bench").key(key("counter", "c")))
                            .item()
                            .get("v")
                            .n())
                    .isEqualTo(Integer.toString(WARMUP + RUNS));
            lines.forEach(l -> System.out.println("dynamodb benchmark: " + l));
        }
    }

    private static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk));
    }

    private static Map<String, AttributeValue> item(String pk, String sk, int v) {
        Map<String, AttributeValue> item = new HashMap<>(key(pk, sk));
        item.put("v", AttributeValue.fromN(Integer.toString(v)));
        item.put("payload", AttributeValue.fromS("x".repeat(200)));
        return item;
    }

    private static String report(String name, Runnable call) {
        for (int i = 0; i < WARMUP; i++) {
            call.run();
        }
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long t0 = System.nanoTime();
            call.run();
            ms.add((System.nanoTime() - t0) / 1e6);
        }
        Collections.sort(ms);
        return String.format(
                Locale.ROOT,
                "%-30s p50 %.3f ms  p95 %.3f ms  p99 %.3f ms  (%d calls)",
                name,
                ms.get(ms.size() / 2),
                ms.get((int) (ms.size() * 0.95)),
                ms.get((int) (ms.size() * 0.99)),
                ms.size());
    }
}
