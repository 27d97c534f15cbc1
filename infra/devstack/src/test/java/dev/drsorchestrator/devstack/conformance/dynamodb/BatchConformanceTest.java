package dev.drsorchestrator.devstack.conformance.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drsorchestrator.devstack.conformance.AwsTarget;
import dev.drsorchestrator.devstack.conformance.Diverges;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** BatchGetItem and BatchWriteItem: limits, missing items, projections, several tables, refusals. */
@ParameterizedClass(name = "[{0}]")
@MethodSource("dev.drsorchestrator.devstack.conformance.Targets#dynamodb")
class BatchConformanceTest extends DynamoDbConformance {

    /** Every item a BatchGetItem returns, resubmitting UnprocessedKeys as AWS asks clients to. */
    private Map<String, List<Map<String, AttributeValue>>> batchGet(Map<String, KeysAndAttributes> request) {
        Map<String, List<Map<String, AttributeValue>>> found = new HashMap<>();
        Map<String, KeysAndAttributes> pending = request;
        for (int round = 0; round < 50 && !pending.isEmpty(); round++) {
            Map<String, KeysAndAttributes> ask = pending;
            BatchGetItemResponse r = ddb.batchGetItem(b -> b.requestItems(ask));
            r.responses()
                    .forEach((table, items) ->
                            found.computeIfAbsent(table, x -> new ArrayList<>()).addAll(items));
            pending = r.hasUnprocessedKeys() ? r.unprocessedKeys() : Map.of();
        }
        assertThat(pending).as("UnprocessedKeys after 50 rounds").isEmpty();
        return found;
    }

    /** A BatchWriteItem, resubmitting UnprocessedItems as AWS asks clients to. */
    private void batchWrite(Map<String, List<WriteRequest>> request) {
        Map<String, List<WriteRequest>> pending = request;
        for (int round = 0; round < 50 && !pending.isEmpty(); round++) {
            Map<String, List<WriteRequest>> ask = pending;
            BatchWriteItemResponse r = ddb.batchWriteItem(b -> b.requestItems(ask));
            pending = r.hasUnprocessedItems() ? r.unprocessedItems() : Map.of();
        }
        assertThat(pending).as("UnprocessedItems after 50 rounds").isEmpty();
    }

    private static KeysAndAttributes keys(List<Map<String, AttributeValue>> keys) {
        return KeysAndAttributes.builder().keys(keys).build();
    }

    private static WriteRequest putRequest(Map<String, AttributeValue> item) {
        return WriteRequest.builder().putRequest(p -> p.item(item)).build();
    }

    private static WriteRequest deleteRequest(Map<String, AttributeValue> key) {
        return WriteRequest.builder().deleteRequest(d -> d.key(key)).build();
    }

    private static List<Map<String, AttributeValue>> keyRange(int from, int to) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (int i = from; i < to; i++) {
            keys.add(item("pk", "k" + i));
        }
        return keys;
    }

    @Test
    void batchGetReturnsTheItemsFoundAndLeavesOutMissingOnes() {
        String t = table("batch", false);
        put(t, item("pk", "a", "v", 1));
        put(t, item("pk", "b", "v", 2));
        var found = batchGet(Map.of(t, keys(List.of(item("pk", "a"), item("pk", "nobody"), item("pk", "b")))));
        assertThat(found.get(t)).containsExactlyInAnyOrder(item("pk", "a", "v", 1), item("pk", "b", "v", 2));
    }

    @Test
    void batchGetOfAHundredKeysReturnsEveryItem() {
        String t = table("batch", false);
        List<WriteRequest> puts = new ArrayList<>();
        for (Map<String, AttributeValue> key : keyRange(0, 100)) {
            puts.add(putRequest(key));
            if (puts.size() == 25) {
                batchWrite(Map.of(t, new ArrayList<>(puts)));
                puts.clear();
            }
        }
        var found = batchGet(Map.of(t, keys(keyRange(0, 100))));
        assertThat(found.get(t)).hasSize(100).containsExactlyInAnyOrderElementsOf(keyRange(0, 100));
    }

    @Test
    void batchGetOfMoreThanAHundredKeysIsRefused() {
        String t = table("batch", false);
        assertValidation(() -> ddb.batchGetItem(b -> b.requestItems(Map.of(t, keys(keyRange(0, 101))))));
    }

    @Test
    void batchGetWithADuplicateKeyIsRefused() {
        String t = table("batch", false);
        put(t, item("pk", "a"));
        assertValidation(() ->
                ddb.batchGetItem(b -> b.requestItems(Map.of(t, keys(List.of(item("pk", "a"), item("pk", "a")))))));
    }

    @Test
    void batchGetAppliesTheProjectionExpression() {
        String t = table("batch", false);
        put(t, item("pk", "a", "x", 1, "y", 2, "doc", m("in", 3, "out", 4)));
        KeysAndAttributes ka = KeysAndAttributes.builder()
                .keys(List.of(item("pk", "a")))
                .projectionExpression("#x, doc.#in")
                .expressionAttributeNames(Map.of("#x", "x", "#in", "in"))
                .build();
        var found = batchGet(Map.of(t, ka));
        assertThat(found.get(t)).containsExactly(item("x", 1, "doc", m("in", 3)));
    }

    @Test
    void batchGetReadsFromSeveralTables() {
        String one = table("batch", false);
        String two = table("batch", true);
        put(one, item("pk", "a", "from", "one"));
        put(two, item("pk", "a", "sk", "1", "from", "two"));
        var found =
                batchGet(Map.of(one, keys(List.of(item("pk", "a"))), two, keys(List.of(item("pk", "a", "sk", "1")))));
        assertThat(found.get(one)).containsExactly(item("pk", "a", "from", "one"));
        assertThat(found.get(two)).containsExactly(item("pk", "a", "sk", "1", "from", "two"));
    }

    @Test
    void batchGetOnAMissingTableIsResourceNotFound() {
        assertThatThrownBy(() -> ddb.batchGetItem(b ->
                        b.requestItems(Map.of("no-such-table-batch", keys(List.of(item("pk", "a")))))))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void batchWriteAppliesPutsAndDeletes() {
        String t = table("batch", false);
        put(t, item("pk", "old", "v", 0));
        put(t, item("pk", "replaced", "v", 0));
        batchWrite(Map.of(
                t,
                List.of(
                        putRequest(item("pk", "new", "v", 1)),
                        putRequest(item("pk", "replaced", "w", 2)),
                        deleteRequest(item("pk", "old")),
                        deleteRequest(item("pk", "never-there")))));
        assertThat(get(t, item("pk", "new"))).isEqualTo(item("pk", "new", "v", 1));
        assertThat(get(t, item("pk", "replaced"))).isEqualTo(item("pk", "replaced", "w", 2));
        assertThat(get(t, item("pk", "old"))).isNull();
    }

    @Test
    void batchWriteOfTwentyFiveRequestsWritesThemAll() {
        String t = table("batch", false);
        List<WriteRequest> puts = new ArrayList<>();
        keyRange(0, 25).forEach(k -> puts.add(putRequest(k)));
        batchWrite(Map.of(t, puts));
        assertThat(ddb.scan(b -> b.tableName(t)).count()).isEqualTo(25);
    }

    @Test
    @Diverges(
            target = AwsTarget.MOTO,
            reason =
                    "moto writes a BatchWriteItem of 26 requests ; AWS: more than 25 requests in a batch is a ValidationException and nothing is written")
    void batchWriteOfMoreThanTwentyFiveRequestsIsRefusedAndWritesNothing() {
        String t = table("batch", false);
        List<WriteRequest> puts = new ArrayList<>();
        keyRange(0, 26).forEach(k -> puts.add(putRequest(k)));
        assertValidation(() -> ddb.batchWriteItem(b -> b.requestItems(Map.of(t, puts))));
        assertThat(ddb.scan(b -> b.tableName(t)).count()).isZero();
    }

    @Test
    @Diverges(
            target = AwsTarget.MOTO,
            reason =
                    "moto accepts two requests for one key in a BatchWriteItem ; AWS: the whole batch is rejected when it has multiple operations on the same item")
    void batchWriteWithTwoRequestsForOneKeyIsRefusedAndWritesNothing() {
        String t = table("batch", false);
        assertValidation(() -> ddb.batchWriteItem(b -> b.requestItems(Map.of(
                t,
                List.of(
                        putRequest(item("pk", "other")),
                        putRequest(item("pk", "a", "v", 1)),
                        putRequest(item("pk", "a", "v", 2)))))));
        put(t, item("pk", "b"));
        assertValidation(() -> ddb.batchWriteItem(b -> b.requestItems(
                Map.of(t, List.of(putRequest(item("pk", "b", "v", 1)), deleteRequest(item("pk", "b")))))));
        assertThat(get(t, item("pk", "other"))).isNull();
        assertThat(get(t, item("pk", "a"))).isNull();
        assertThat(get(t, item("pk", "b"))).isEqualTo(item("pk", "b"));
    }

    @Test
    void batchWriteOnAMissingTableIsResourceNotFound() {
        assertThatThrownBy(() -> ddb.batchWriteItem(b ->
                        b.requestItems(Map.of("no-such-table-batch", List.of(putRequest(item("pk", "a")))))))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void batchWriteOfAnItemWithoutItsKeyIsRefused() {
        String t = table("batch", true);
        assertValidation(() -> ddb.batchWriteItem(b -> b.requestItems(
                Map.of(t, List.of(putRequest(item("pk", "a")), putRequest(item("pk", "b", "sk", "1")))))));
        assertThat(get(t, item("pk", "b", "sk", "1"))).isNull();
    }
}
