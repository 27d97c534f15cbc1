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
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/** Scan: every item, filters, Limit and paging, parallel segments, the 1 MB page, Select COUNT. */
@ParameterizedClass(name = "[{0}]")
@MethodSource("dev.drsorchestrator.devstack.conformance.Targets#dynamodb")
class ScanConformanceTest extends DynamoDbConformance {

    private static final int ITEMS = 50;

    private String t;
    private final List<String> all = new ArrayList<>();

    @BeforeEach
    void fiftyItems() {
        t = table("scan", true);
        for (int i = 0; i < ITEMS; i++) {
            String pk = "p" + (i % 17);
            String sk = String.format("s%03d", i);
            put(t, item("pk", pk, "sk", sk, "v", i));
            all.add(pk + "/" + sk);
        }
    }

    @Test
    void aScanReturnsEveryItemOnce() {
        assertThat(pkSk(scanAll(ScanRequest.builder().tableName(t).build()))).containsExactlyInAnyOrderElementsOf(all);
    }

    @Test
    void aFilterKeepsMatchingItemsAndScannedCountCountsAllEvaluated() {
        ScanResponse r = ddb.scan(
                b -> b.tableName(t).filterExpression("v >= :forty").expressionAttributeValues(item(":forty", 40)));
        assertThat(r.count()).isEqualTo(10);
        assertThat(r.scannedCount()).isEqualTo(ITEMS);
        assertThat(r.items())
                .allSatisfy(i -> assertThat(Integer.parseInt(i.get("v").n())).isGreaterThanOrEqualTo(40));
    }

    @Test
    void limitAndPagingReturnEveryItemExactlyOnce() {
        List<String> seen = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        int pages = 0;
        do {
            ScanRequest.Builder b = ScanRequest.builder().tableName(t).limit(7);
            if (start != null) {
                b.exclusiveStartKey(start);
            }
            ScanResponse r = ddb.scan(b.build());
            assertThat(r.scannedCount()).isLessThanOrEqualTo(7);
            seen.addAll(pkSk(r.items()));
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
            if (start != null) {
                assertThat(start).containsOnlyKeys("pk", "sk");
            }
            pages++;
        } while (start != null && pages < 100);
        assertThat(seen).hasSize(ITEMS).containsExactlyInAnyOrderElementsOf(all);
        assertThat(pages).isGreaterThanOrEqualTo(8);
    }

    @Test
    void limitCountsItemsEvaluatedBeforeTheFilter() {
        ScanResponse r = ddb.scan(b ->
                b.tableName(t).limit(10).filterExpression("v < :zero").expressionAttributeValues(item(":zero", 0)));
        assertThat(r.count()).isZero();
        assertThat(r.scannedCount()).isEqualTo(10);
        assertThat(r.lastEvaluatedKey()).isNotEmpty();
    }

    @Test
    void parallelSegmentsTogetherReturnEveryItemExactlyOnce() {
        List<String> union = new ArrayList<>();
        for (int segment = 0; segment < 4; segment++) {
            union.addAll(pkSk(scanAll(ScanRequest.builder()
                    .tableName(t)
                    .segment(segment)
                    .totalSegments(4)
                    .limit(5)
                    .build())));
        }
        assertThat(union).hasSize(ITEMS).containsExactlyInAnyOrderElementsOf(all);
    }

    @Test
    void aSegmentWithoutTotalSegmentsIsRefused() {
        assertValidation(() -> ddb.scan(b -> b.tableName(t).segment(0)));
        assertValidation(() -> ddb.scan(b -> b.tableName(t).totalSegments(2)));
    }

    @Test
    void aSegmentOutsideTotalSegmentsIsRefused() {
        assertValidation(() -> ddb.scan(b -> b.tableName(t).segment(4).totalSegments(4)));
    }

    @Test
    @Diverges(
            target = AwsTarget.MOTO,
            reason =
                    "moto returns Items for a Scan with Select COUNT ; AWS: COUNT returns the number of matching items rather than the items themselves")
    void selectCountAnswersTheCountWithoutItems() {
        ScanResponse r = ddb.scan(b -> b.tableName(t).select(Select.COUNT));
        assertThat(r.count()).isEqualTo(ITEMS);
        assertThat(r.hasItems()).isFalse();
    }

    @Test
    void aPageStopsAtOneMegabyteAndPagingReturnsTheRest() {
        String big = table("scan", false);
        String payload = "x".repeat(100_000);
        for (int i = 0; i < 12; i++) {
            put(big, item("pk", "k" + i, "data", payload));
        }
        ScanResponse first = ddb.scan(b -> b.tableName(big));
        assertThat(first.count()).isBetween(1, 11);
        assertThat(first.lastEvaluatedKey()).isNotEmpty();
        assertThat(scanAll(ScanRequest.builder().tableName(big).build())).hasSize(12);
    }

    @Test
    void anEmptyTableScansToNothing() {
        String empty = table("scan", false);
        ScanResponse r = ddb.scan(b -> b.tableName(empty));
        assertThat(r.count()).isZero();
        assertThat(r.scannedCount()).isZero();
        assertThat(r.hasLastEvaluatedKey() ? r.lastEvaluatedKey() : Map.of()).isEmpty();
    }
}
