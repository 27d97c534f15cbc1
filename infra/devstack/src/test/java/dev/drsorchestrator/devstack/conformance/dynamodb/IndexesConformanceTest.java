package dev.drsorchestrator.devstack.conformance.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.drsorchestrator.devstack.conformance.AwsTarget;
import dev.drsorchestrator.devstack.conformance.Diverges;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.Select;

/** Queries and scans on global and local secondary indexes: sparseness, order, projections, upkeep, refusals. */
@ParameterizedClass(name = "[{0}]")
@MethodSource("dev.drsorchestrator.devstack.conformance.Targets#dynamodb")
class IndexesConformanceTest extends DynamoDbConformance {

    private String t;
    private Map<String, AttributeValue> p1;
    private Map<String, AttributeValue> p2;
    private Map<String, AttributeValue> q1;

    @BeforeEach
    void indexedTable() {
        t = create(
                "idx",
                TableSpec.hash("pk", S)
                        .range("sk", S)
                        .gsi("gKeys", "gk", S, "gr", N, ProjectionType.KEYS_ONLY)
                        .gsi("gInc", "grp", S, null, null, ProjectionType.INCLUDE, "title")
                        .gsi("gAll", "cat", S, null, null, ProjectionType.ALL)
                        .lsi("lAll", "lr", N, ProjectionType.ALL)
                        .lsi("lKeys", "lk", S, ProjectionType.KEYS_ONLY));
        p1 = item(
                "pk", "p", "sk", "1", "gk", "g", "gr", 3, "grp", "x", "title", "T1", "body", "B1", "cat", "c", "lr", 30,
                "lk", "z");
        p2 = item(
                "pk", "p", "sk", "2", "gk", "g", "gr", 1, "grp", "x", "title", "T2", "body", "B2", "cat", "c", "lr",
                10);
        q1 = item("pk", "q", "sk", "1", "gk", "g", "gr", 2, "grp", "y", "body", "B4", "cat", "c", "lr", 5);
        put(t, p1);
        put(t, p2);
        put(t, item("pk", "p", "sk", "3", "gk", "h", "gr", 2, "title", "T3", "body", "B3", "lk", "a"));
        put(t, q1);
        put(t, item("pk", "p", "sk", "4", "body", "B5", "lr", 20));
    }

    private QueryRequest.Builder onIndex(String index, String keyCondition, Object... values) {
        return QueryRequest.builder()
                .tableName(t)
                .indexName(index)
                .keyConditionExpression(keyCondition)
                .expressionAttributeValues(item(values));
    }

    @Test
    void aGlobalIndexHoldsOnlyItemsWithItsKeysInItsSortKeyOrder() {
        List<Map<String, AttributeValue>> got =
                queryAll(onIndex("gKeys", "gk = :g", ":g", "g").build());
        assertThat(pkSk(got)).containsExactly("p/2", "q/1", "p/1");
        assertThat(pkSk(scanAll(
                        ScanRequest.builder().tableName(t).indexName("gKeys").build())))
                .containsExactlyInAnyOrder("p/1", "p/2", "p/3", "q/1");
    }

    @Test
    void aKeysOnlyGlobalIndexReturnsOnlyTableAndIndexKeys() {
        List<Map<String, AttributeValue>> got =
                queryAll(onIndex("gKeys", "gk = :g", ":g", "g").build());
        assertThat(got).hasSize(3).allSatisfy(i -> assertThat(i).containsOnlyKeys("pk", "sk", "gk", "gr"));
        assertThat(got.get(0)).isEqualTo(item("pk", "p", "sk", "2", "gk", "g", "gr", 1));
    }

    @Test
    void anIncludeGlobalIndexReturnsKeysAndTheIncludedAttributes() {
        List<Map<String, AttributeValue>> got =
                queryAll(onIndex("gInc", "grp = :x", ":x", "x").build());
        assertThat(got)
                .containsExactlyInAnyOrder(
                        item("pk", "p", "sk", "1", "grp", "x", "title", "T1"),
                        item("pk", "p", "sk", "2", "grp", "x", "title", "T2"));
    }

    @Test
    void anAllGlobalIndexReturnsWholeItems() {
        List<Map<String, AttributeValue>> got =
                queryAll(onIndex("gAll", "cat = :c", ":c", "c").build());
        assertThat(got).containsExactlyInAnyOrder(p1, p2, q1);
    }

    @Test
    void aConsistentReadOnAGlobalIndexIsRefused() {
        assertValidation(() -> ddb.query(
                onIndex("gAll", "cat = :c", ":c", "c").consistentRead(true).build()));
    }

    @Test
    void aConsistentReadOnALocalIndexIsAllowed() {
        QueryResponse r = ddb.query(
                onIndex("lAll", "pk = :p", ":p", "q").consistentRead(true).build());
        assertThat(r.items()).containsExactly(q1);
    }

    @Test
    void aLocalIndexOrdersThePartitionByItsSortKeyAndIsSparse() {
        List<Map<String, AttributeValue>> got =
                queryAll(onIndex("lAll", "pk = :p", ":p", "p").build());
        assertThat(pkSk(got)).containsExactly("p/2", "p/4", "p/1");
        assertThat(got.get(0)).isEqualTo(p2);
        List<Map<String, AttributeValue>> ranged = queryAll(
                onIndex("lAll", "pk = :p AND lr > :ten", ":p", "p", ":ten", 10).build());
        assertThat(pkSk(ranged)).containsExactly("p/4", "p/1");
    }

    @Test
    @Diverges(
            target = AwsTarget.MOTO,
            reason =
                    "moto returns only the projected keys for Select ALL_ATTRIBUTES on a KEYS_ONLY local index ; AWS: for a local secondary index DynamoDB fetches the entire item from the table")
    void aKeysOnlyLocalIndexFetchesOtherAttributesFromTheTable() {
        List<Map<String, AttributeValue>> keysOnly =
                queryAll(onIndex("lKeys", "pk = :p", ":p", "p").build());
        assertThat(keysOnly).allSatisfy(i -> assertThat(i).containsOnlyKeys("pk", "sk", "lk"));
        List<Map<String, AttributeValue>> whole = queryAll(onIndex("lKeys", "pk = :p", ":p", "p")
                .select(Select.ALL_ATTRIBUTES)
                .build());
        assertThat(pkSk(whole)).containsExactly("p/3", "p/1");
        assertThat(whole.get(1)).isEqualTo(p1);
    }

    @Test
    void anIndexFollowsUpdatesAndDeletes() {
        ddb.updateItem(b -> b.tableName(t)
                .key(item("pk", "p", "sk", "2"))
                .updateExpression("SET gk = :h")
                .expressionAttributeValues(item(":h", "h")));
        assertThat(pkSk(queryAll(onIndex("gKeys", "gk = :g", ":g", "g").build())))
                .containsExactly("q/1", "p/1");
        ddb.deleteItem(b -> b.tableName(t).key(item("pk", "p", "sk", "1")));
        assertThat(pkSk(queryAll(onIndex("gKeys", "gk = :g", ":g", "g").build())))
                .containsExactly("q/1");
        ddb.updateItem(b -> b.tableName(t).key(item("pk", "q", "sk", "1")).updateExpression("REMOVE gk"));
        assertThat(queryAll(onIndex("gKeys", "gk = :g", ":g", "g").build())).isEmpty();
        assertThat(pkSk(queryAll(onIndex("gKeys", "gk = :h", ":h", "h").build())))
                .containsExactly("p/2", "p/3");
    }

    @Test
    void pagingAGlobalIndexReturnsEveryItemOnceWithIndexKeysInLastEvaluatedKey() {
        QueryResponse first =
                ddb.query(onIndex("gKeys", "gk = :g", ":g", "g").limit(1).build());
        assertThat(first.lastEvaluatedKey()).containsKeys("pk", "sk", "gk", "gr");
        List<String> seen = new ArrayList<>(pkSk(first.items()));
        Map<String, AttributeValue> start = first.lastEvaluatedKey();
        for (int i = 0; i < 10 && start != null && !start.isEmpty(); i++) {
            QueryResponse r = ddb.query(onIndex("gKeys", "gk = :g", ":g", "g")
                    .limit(1)
                    .exclusiveStartKey(start)
                    .build());
            seen.addAll(pkSk(r.items()));
            start = r.hasLastEvaluatedKey() ? r.lastEvaluatedKey() : null;
        }
        assertThat(seen).containsExactly("p/2", "q/1", "p/1");
    }

    @Test
    void aScanOfAnIncludeIndexSeesOnlyItsItemsAndAttributes() {
        List<Map<String, AttributeValue>> got =
                scanAll(ScanRequest.builder().tableName(t).indexName("gInc").build());
        assertThat(pkSk(got)).containsExactlyInAnyOrder("p/1", "p/2", "q/1");
        assertThat(got).allSatisfy(i -> assertThat(i.keySet()).isSubsetOf("pk", "sk", "grp", "title"));
    }

    /** PutItem: empty String or Binary values are allowed only for attributes that are no table or index key. */
    @Test
    void anEmptyStringIndexKeyIsRefused() {
        assertValidation(() -> put(t, item("pk", "r", "sk", "1", "cat", "")));
        assertValidation(() -> put(t, item("pk", "r", "sk", "2", "lk", "")));
        assertThat(get(t, item("pk", "r", "sk", "1"))).isNull();
    }

    /** AWS documents ResourceNotFoundException for "a nonexistent table or index"; a ValidationException is seen too. */
    @Test
    void queryingAMissingIndexIsRefused() {
        DynamoDbException e = catchThrowableOfType(
                DynamoDbException.class,
                () -> ddb.query(onIndex("noSuchIndex", "gk = :g", ":g", "g").build()));
        assertThat(e).as("refused").isNotNull();
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.awsErrorDetails().errorCode()).isIn("ValidationException", "ResourceNotFoundException");
    }

    @Test
    @Diverges(
            target = AwsTarget.MOTO,
            reason =
                    "moto stores an item whose index key attribute has another type than the index key schema ; AWS: attributes of an index key must have the data types of the table's attribute definitions")
    void anIndexKeyOfTheWrongTypeIsRefused() {
        assertValidation(() -> put(t, item("pk", "r", "sk", "1", "gr", "not a number", "gk", "g")));
        assertValidation(() -> put(t, item("pk", "r", "sk", "2", "lr", "not a number")));
        assertThat(get(t, item("pk", "r", "sk", "1"))).isNull();
    }
}
