package dev.drsorchestrator.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drsorchestrator.devstack.http.AwsRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * DynamoDB through the real SDK client over the edge port, measured, not asserted: GetItem, PutItem, a conditional
 * UpdateItem, a 10-item TransactWriteItems and a 100-item Query, each 2,000 times after 500 warm-up calls, with the
 * SDK's two sync HTTP clients (url-connection, which the services use, and Apache, the SDK's default); then GetItem and
 * PutItem handed straight to devstack's DynamoDB, without HTTP, for its own cost. It prints p50, p95 and p99.
 * Excluded from the normal build; run it with {@code ./mvnw -pl infra/devstack -am test -Dbenchmark.skip=none
 * -Dtest=DynamoDbBenchmark -Dsurefire.failIfNoSpecifiedTests=false}. It asserts only that the calls did what they
 * should.
 */
@Tag("benchmark")
class DynamoDbBenchmark {
    private static final int WARMUP = 500;
    private static final int RUNS = 2000;

    @Test
    void measure() {
        try (Devstack devstack = Devstack.start(DevstackConfig.forTests())) {
            DynamoDbClient setup = new Clients(devstack).dynamodb();
            setup.createTable(b -> b.tableName("bench")
                    .keySchema(List.of(
                            KeySchemaElement.builder()
                                    .attributeName("pk")
                                    .keyType(KeyType.HASH)
                                    .build(),
                            KeySchemaElement.builder()
                                    .attributeName("sk")
                                    .keyType(KeyType.RANGE)
                                    .build()))
                    .attributeDefinitions(List.of(
                            AttributeDefinition.builder()
                                    .attributeName("pk")
                                    .attributeType(ScalarAttributeType.S)
                                    .build(),
                            AttributeDefinition.builder()
                                    .attributeName("sk")
                                    .attributeType(ScalarAttributeType.S)
                                    .build()))
                    .billingMode("PAY_PER_REQUEST"));
            for (int i = 0; i < 100; i++) {
                String sk = String.format("%03d", i);
                setup.putItem(b -> b.tableName("bench").item(item("q", sk, 0)));
            }
            setup.putItem(b -> b.tableName("bench").item(item("counter", "c", 0)));

            List<String> lines = new ArrayList<>();
            Map<String, DynamoDbClient> clients = new LinkedHashMap<>();
            clients.put("url-connection", setup);
            clients.put(
                    "apache",
                    DynamoDbClient.builder()
                            .endpointOverride(devstack.endpoint())
                            .region(Region.of(devstack.region()))
                            .credentialsProvider(Clients.CREDENTIALS)
                            .httpClient(ApacheHttpClient.create())
                            .build());
            clients.forEach((name, ddb) -> lines.addAll(calls(name, ddb)));
            assertThat(setup.getItem(b -> b.tableName("bench").key(key("counter", "c")))
                            .item()
                            .get("v")
                            .n())
                    .isEqualTo(Integer.toString(2 * (WARMUP + RUNS)));
            lines.addAll(inProcess(devstack));
            lines.forEach(l -> System.out.println("dynamodb benchmark: " + l));
        }
    }

    private static List<String> calls(String client, DynamoDbClient ddb) {
        int[] n = {0};
        List<String> lines = new ArrayList<>();
        lines.add(report(client + " PutItem", () -> {
            int i = n[0]++;
            ddb.putItem(b -> b.tableName("bench").item(item("p" + (i % 1000), "s", i)));
        }));
        lines.add(report(client + " GetItem", () -> {
            int i = n[0]++;
            ddb.getItem(b -> b.tableName("bench").key(key("p" + (i % 1000), "s")));
        }));
        lines.add(report(
                client + " UpdateItem (conditional)",
                () -> ddb.updateItem(b -> b.tableName("bench")
                        .key(key("counter", "c"))
                        .updateExpression("SET #v = #v + :one")
                        .conditionExpression("attribute_exists(pk) AND #v >= :zero")
                        .expressionAttributeNames(Map.of("#v", "v"))
                        .expressionAttributeValues(
                                Map.of(":one", AttributeValue.fromN("1"), ":zero", AttributeValue.fromN("0"))))));
        lines.add(report(client + " TransactWriteItems (10 puts)", () -> {
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
                client + " Query (100 items)",
                () -> assertThat(ddb.query(b -> b.tableName("bench")
                                        .keyConditionExpression("pk = :pk")
                                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("q"))))
                                .count())
                        .isEqualTo(100)));
        return lines;
    }

    /** GetItem and PutItem handed to devstack's DynamoDB as the edge would, without HTTP or the SDK. */
    private static List<String> inProcess(Devstack devstack) {
        Map<String, List<String>> headers = Map.of(
                "Authorization",
                List.of("AWS4-HMAC-SHA256 Credential=bench/20260101/us-east-1/dynamodb/aws4_request, Signature=0"));
        byte[] get = "{\"TableName\":\"bench\",\"Key\":{\"pk\":{\"S\":\"q\"},\"sk\":{\"S\":\"001\"}}}"
                .getBytes(StandardCharsets.UTF_8);
        byte[] put = ("{\"TableName\":\"bench\",\"Item\":{\"pk\":{\"S\":\"inproc\"},\"sk\":{\"S\":\"s\"},"
                        + "\"payload\":{\"S\":\"" + "x".repeat(200) + "\"}}}")
                .getBytes(StandardCharsets.UTF_8);
        return List.of(
                report(
                        "in-process GetItem",
                        () -> assertThat(devstack.dynamodb()
                                        .handle(request(headers, "GetItem", get))
                                        .status())
                                .isEqualTo(200)),
                report(
                        "in-process PutItem",
                        () -> assertThat(devstack.dynamodb()
                                        .handle(request(headers, "PutItem", put))
                                        .status())
                                .isEqualTo(200)));
    }

    private static AwsRequest request(Map<String, List<String>> auth, String operation, byte[] body) {
        Map<String, List<String>> headers = new HashMap<>(auth);
        headers.put("X-Amz-Target", List.of("DynamoDB_20120810." + operation));
        return new AwsRequest("POST", "/", null, headers, body);
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
                "%-45s p50 %.3f ms  p95 %.3f ms  p99 %.3f ms  (%d calls)",
                name,
                ms.get(ms.size() / 2),
                ms.get((int) (ms.size() * 0.95)),
                ms.get((int) (ms.size() * 0.99)),
                ms.size());
    }
}
