package dev.drsorchestrator.devstack.conformance.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

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
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/** Query on a table: key conditions, order, filters, Limit and paging, the 1 MB page, Select COUNT, refusals. */
@ParameterizedClass(name = "[{0}]")
@MethodSource("dev.drsorchestrator.devstack.conformance.Targets#dynamodb")
class QueryConformanceTest extends DynamoDbConformance {

    private static final List<String> ALL =
            List.of("a01", "a02", "a03", "a04", "a05", "a06", "a07", "a08", "a09", "a10", "b01", "b02", "b03");

    private String t;

    @BeforeEach
    void partitionOfThirteen() {
        t = table("query", true);
        for (int i = 0; i < ALL.size(); i++) {
            put(t, item("pk", "p", "sk", ALL.get(i), "v", i + 1, "odd", bool(i % 2 == 0)));
        }
        put(t, item("pk", "q", "sk", "a01", "v", 100));
    }

    private QueryRequest.Builder query(String keyCondition, Object... values) {
        return QueryRequest.builder()
                .tableName(t)
                .keyConditionExpression(keyCondition)
                .expressionAttributeValues(item(values));
    }

    private List<String> sks(String keyCondition, Object... values) {
        return strings(queryAll(query(keyCondition, values).build()), "sk");
    }

    @Test
    void thePartitionComesBackInSortKeyOrder() {
        assertThat(sks("pk = :p", ":p", "p")).containsExactlyElementsOf(ALL);
    }

    @Test
    void sortKeyEquals() {
        assertThat(sks("pk = :p AND sk = :s", ":p", "p", ":s", "a05")).containsExactly("a05");
    }

    @Test
    void sortKeyLessThanAndLessOrEqual() {
        assertThat(sks("pk = :p AND sk < :s", ":p", "p", ":s", "a03")).containsExactly("a01", "a02");
        assertThat(sks("pk = :p AND sk <= :s", ":p", "p", ":s", "a03")).containsExactly("a01", "a02", "a03");
    }

    @Test
    void sortKeyGreaterThanAndGreaterOrEqual() {
        assertThat(sks("pk = :p AND sk > :s", ":p", "p", ":s", "a10")).containsExactly("b01", "b02", "b03");
        assertThat(sks("pk = :p AND sk >= :s", ":p", "p", ":s", "b02")).containsExactly("b02", "b03");
    }

    @Test
    void sortKeyBetweenIncludesBothBounds() {
        assertThat(sks("pk = :p AND sk BETWEEN :lo AND :hi", ":p", "p", ":lo", "a03", ":hi", "a05"))
                .containsExactly("a03", "a04", "a05");
    }

    @Test
    void sortKeyBeginsWith() {
        assertThat(sks("pk = :p AND begins_with(sk, :pre)", ":p", "p", ":pre", "b"))
                .containsExactly("b01", "b02", "b03");
    }

    @Test
    void scanIndexForwardFalseReturnsDescendingOrder() {
        List<String> got = strings(
                queryAll(query("pk = :p", ":p", "p").scanIndexForward(false).build()), "sk");
        List<String> reversed = new ArrayList<>(ALL);
        java.util.Collections.reverse(reversed);
        assertThat(got).containsExactlyElementsOf(reversed);
    }

    @Test
    void aFilterKeepsOnlyMatchingItemsAndScannedCountCountsTheRest() {
        QueryResponse r = ddb.query(query("pk = :p AND begins_with(sk, :a)", ":p", "p", ":a", "a", ":seven", 7)
                .filterExpression("v > :seven")
                .build());
        assertThat(strings(r.items(), "sk")).containsExactly("a08", "a09", "a10");
        assertThat(r.count()).isEqualTo(3);
        assertThat(r.scannedCount()).isEqualTo(10);
    }

    @Test
    void limitCountsTheItemsEvaluatedBeforeTheFilter() {
        QueryResponse r = ddb.query(query("pk = :p", ":p", "p", ":yes", bool(true))
                .filterExpression("odd = :yes")
                .limit(4)
                .build());
        assertThat(strings(r.items(), "sk")).containsExactly("a01", "a03");
        assertThat(r.count()).isEqualTo(2);
        assertThat(r.scannedCount()).isEqualTo(4);
        assertThat(r.lastEvaluatedKey()).isEqualTo(item("pk", "p", "sk", "a04"));
    }

    @Test
    void pagingWithLimitReturnsEveryItemExactlyOnce() {
        List<String> seen = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        int pages = 0;
        do {
            QueryRequest.Builder b = query("pk = :p", ":p", "p").limit(3);
            if (start != null) {
                b.exclusiveStartKey(start);
            }
            QueryResponse r = ddb.query(b.build());
            assertThat(r.count()).isLessThanOrEqualTo(3);
            seen.addAll(strings(r.items(), "sk"));
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
            pages++;
        } while (start != null && pages < 100);
        assertThat(seen).containsExactlyElementsOf(ALL);
        assertThat(pages).isGreaterThanOrEqualTo(5);
    }

    @Test
    void lastEvaluatedKeyIsThePrimaryKeyOfTheLastItemEvaluated() {
        QueryResponse r = ddb.query(query("pk = :p", ":p", "p").limit(2).build());
        assertThat(r.lastEvaluatedKey()).isEqualTo(item("pk", "p", "sk", "a02"));
    }

    @Test
    void exclusiveStartKeyResumesAfterThatKey() {
        QueryResponse r = ddb.query(query("pk = :p", ":p", "p")
                .exclusiveStartKey(item("pk", "p", "sk", "a05"))
                .limit(2)
                .build());
        assertThat(strings(r.items(), "sk")).containsExactly("a06", "a07");
        QueryResponse back = ddb.query(query("pk = :p", ":p", "p")
                .scanIndexForward(false)
                .exclusiveStartKey(item("pk", "p", "sk", "a05"))
                .limit(2)
                .build());
        assertThat(strings(back.items(), "sk")).containsExactly("a04", "a03");
    }

    @Test
    void aPageStopsAtOneMegabyteAndPagingReturnsTheRest() {
        String big = table("query", true);
        String payload = "x".repeat(100_000);
        for (int i = 0; i < 12; i++) {
            put(big, item("pk", "p", "sk", String.format("%02d", i), "data", payload));
        }
        QueryRequest request = QueryRequest.builder()
                .tableName(big)
                .keyConditionExpression("pk = :p")
                .expressionAttributeValues(item(":p", "p"))
                .build();
        QueryResponse first = ddb.query(request);
        assertThat(first.count()).isBetween(1, 11);
        assertThat(first.lastEvaluatedKey()).isNotEmpty();
        List<Map<String, AttributeValue>> all = queryAll(request);
        assertThat(strings(all, "sk")).hasSize(12).doesNotHaveDuplicates();
    }

    @Test
    void selectCountAnswersTheCountWithoutItems() {
        QueryResponse r =
                ddb.query(query("pk = :p", ":p", "p").select(Select.COUNT).build());
        assertThat(r.count()).isEqualTo(13);
        assertThat(r.hasItems()).isFalse();
    }

    @Test
    void aProjectionLimitsTheAttributesReturned() {
        QueryResponse r = ddb.query(query("pk = :p AND sk = :s", ":p", "p", ":s", "a01")
                .projectionExpression("v")
                .build());
        assertThat(r.items()).containsExactly(item("v", 1));
    }

    @Test
    void anEmptyPartitionAnswersNoItemsAndNoLastEvaluatedKey() {
        QueryResponse r = ddb.query(query("pk = :p", ":p", "nobody").build());
        assertThat(r.count()).isZero();
        assertThat(r.items()).isEmpty();
        assertThat(r.hasLastEvaluatedKey() ? r.lastEvaluatedKey() : Map.of()).isEmpty();
    }

    @Test
    void aKeyConditionOnANonKeyAttributeIsRefused() {
        assertValidation(
                () -> ddb.query(query("pk = :p AND v = :v", ":p", "p", ":v", 1).build()));
    }

    @Test
    void aKeyConditionWithoutPartitionKeyEqualityIsRefused() {
        assertValidation(() -> ddb.query(query("sk = :s", ":s", "a01").build()));
        assertValidation(() -> ddb.query(query("pk > :p", ":p", "p").build()));
    }

    @Test
    @Diverges(
            target = AwsTarget.MOTO,
            reason =
                    "moto fails with HTTP 500 on OR in a KeyConditionExpression ; AWS: only AND joins the partition key and sort key conditions (ValidationException)")
    void orInAKeyConditionIsRefused() {
        assertValidation(() -> ddb.query(query("pk = :p AND (sk = :a OR sk = :b)", ":p", "p", ":a", "a01", ":b", "a02")
                .build()));
    }

    @Test
    @Diverges(
            target = AwsTarget.MOTO,
            reason =
                    "moto applies a Query FilterExpression on the sort key ; AWS: a filter expression cannot contain partition key or sort key attributes")
    void aFilterOnAKeyAttributeIsRefused() {
        assertValidation(() -> ddb.query(query("pk = :p", ":p", "p", ":s", "a01")
                .filterExpression("sk = :s")
                .build()));
    }
}
