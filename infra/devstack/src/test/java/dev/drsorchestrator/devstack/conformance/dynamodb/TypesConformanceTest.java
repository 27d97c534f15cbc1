package dev.drsorchestrator.devstack.conformance.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drsorchestrator.devstack.conformance.AwsTarget;
import dev.drsorchestrator.devstack.conformance.Diverges;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/** The data types: scalars, documents and sets; number precision, normalization and ordering; set rules. */
@ParameterizedClass(name = "[{0}]")
@MethodSource("dev.drsorchestrator.devstack.conformance.Targets#dynamodb")
class TypesConformanceTest extends DynamoDbConformance {

    private AttributeValue roundTrip(AttributeValue v) {
        String t = table("types", false);
        put(t, item("pk", "a", "v", v));
        return get(t, item("pk", "a")).get("v");
    }

    private List<Map<String, AttributeValue>> partition(String t) {
        return queryAll(QueryRequest.builder()
                .tableName(t)
                .keyConditionExpression("pk = :p")
                .expressionAttributeValues(item(":p", "p"))
                .build());
    }

    @Test
    void everyScalarAndDocumentTypeIsStoredAsGiven() {
        String t = table("types", false);
        Map<String, AttributeValue> item = item(
                "pk", "a",
                "str", "text ünïcödé 😀",
                "num", n("-12.5"),
                "bin", b(0, 1, 127, 128, 255),
                "yes", bool(true),
                "no", bool(false),
                "nothing", nul(),
                "map", m("inner", m("deep", l(n(1), s("two"), bool(true), nul()))),
                "list", l(s("a"), n(1), l(), m()));
        put(t, item);
        assertThat(get(t, item("pk", "a"))).isEqualTo(item);
    }

    @Test
    void setsComeBackWithTheirMembersInAnyOrder() {
        String t = table("types", false);
        put(t, item("pk", "a", "ss", ss("b", "a", "c"), "ns", ns("3", "-1", "2.5"), "bs", bs(bytes(2), bytes(1, 0))));
        Map<String, AttributeValue> got = get(t, item("pk", "a"));
        assertThat(got.get("ss").ss()).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(got.get("ns").ns()).containsExactlyInAnyOrder("-1", "2.5", "3");
        assertThat(got.get("bs").bs()).containsExactlyInAnyOrder(bytes(1, 0), bytes(2));
    }

    @Test
    void aNumberKeepsThirtyEightSignificantDigits() {
        String digits38 = "12345678901234567890123456789012345678";
        assertThat(roundTrip(n(digits38))).isEqualTo(n(digits38));
        assertThat(roundTrip(n("0." + digits38))).isEqualTo(n("0." + digits38));
        BigDecimal largest = new BigDecimal("-9.9999999999999999999999999999999999999E+125");
        assertThat(new BigDecimal(roundTrip(n(largest.toString())).n())).isEqualByComparingTo(largest);
        BigDecimal smallest = new BigDecimal("1E-130");
        assertThat(new BigDecimal(roundTrip(n("1E-130")).n())).isEqualByComparingTo(smallest);
    }

    @Test
    @Diverges(
            target = AwsTarget.MOTO,
            reason =
                    "moto stores a number of 39 significant digits ; AWS: numbers can have up to 38 digits of precision, exceeding this results in an exception")
    void aNumberOfThirtyNineSignificantDigitsIsRefused() {
        String t = table("types", false);
        assertValidation(() -> put(t, item("pk", "a", "v", n("123456789012345678901234567890123456789"))));
        assertThat(get(t, item("pk", "a"))).isNull();
    }

    @Test
    @Diverges(
            target = AwsTarget.MOTO,
            reason =
                    "moto stores the numbers 1E+126 and 1E-131 ; AWS: numbers range from 1E-130 to 9.9999999999999999999999999999999999999E+125 in magnitude")
    void aNumberOutsideTheSupportedMagnitudeIsRefused() {
        String t = table("types", false);
        assertValidation(() -> put(t, item("pk", "a", "v", n("1E+126"))));
        assertValidation(() -> put(t, item("pk", "b", "v", n("1E-131"))));
    }

    @Test
    void aNumberThatIsNotANumberIsRefused() {
        String t = table("types", false);
        assertValidation(() -> put(t, item("pk", "a", "v", n("twelve"))));
        assertValidation(() -> put(t, item("pk", "b", "v", n(""))));
    }

    @Test
    @Diverges(
            target = AwsTarget.MOTO,
            reason =
                    "moto returns the number 007.50 as given ; AWS: numbers are variable length with leading and trailing zeroes trimmed (7.5)")
    void numbersComeBackWithoutLeadingOrTrailingZeros() {
        assertThat(roundTrip(n("007.50"))).isEqualTo(n("7.5"));
        assertThat(roundTrip(n("-0.100"))).isEqualTo(n("-0.1"));
        assertThat(roundTrip(n("100"))).isEqualTo(n("100"));
    }

    @Test
    @Diverges(
            target = AwsTarget.MOTO,
            reason =
                    "moto keeps the key 1.50 as given and apart from 1.5 ; AWS: leading and trailing zeroes are trimmed, so 1.50 and 1.5 are the same number")
    void numbersThatDifferOnlyInZerosAreOneKey() {
        String t = create("types", TableSpec.hash("pk", N));
        put(t, item("pk", n("1.50"), "v", "first"));
        assertThat(get(t, item("pk", n("1.5")))).isEqualTo(item("pk", n("1.5"), "v", "first"));
    }

    @Test
    void decimalArithmeticIsExact() {
        String t = table("types", false);
        put(t, item("pk", "a", "v", n("0.1")));
        ddb.updateItem(b -> b.tableName(t)
                .key(item("pk", "a"))
                .updateExpression("SET v = v + :x")
                .expressionAttributeValues(item(":x", n("0.2"))));
        assertThat(get(t, item("pk", "a")).get("v")).isEqualTo(n("0.3"));
    }

    @Test
    void aNumericSortKeyOrdersNegativeAndDecimalNumbersByValue() {
        String t = create("types", TableSpec.hash("pk", S).range("sk", N));
        List<String> values = List.of("10", "-2.5", "0", "-10", "1.25", "100", "-0.5", "2");
        for (String v : values) {
            put(t, item("pk", "p", "sk", n(v)));
        }
        List<String> order = new ArrayList<>();
        for (Map<String, AttributeValue> i : partition(t)) {
            order.add(i.get("sk").n());
        }
        assertThat(order).containsExactly("-10", "-2.5", "-0.5", "0", "1.25", "2", "10", "100");
    }

    @Test
    void aStringSortKeyOrdersByUtf8Bytes() {
        String t = table("types", true);
        // UTF-8 byte order: "B" (42) < "a" (61) < "b" < "é" (C3 A9) < U+FF5E (EF BD 9E) < U+1F600 (F0 9F 98 80);
        // UTF-16 order would put U+1F600 (a surrogate pair, D83D …) before U+FF5E.
        List<String> values = List.of("😀", "b", "～", "B", "é", "a");
        for (String v : values) {
            put(t, item("pk", "p", "sk", v));
        }
        assertThat(strings(partition(t), "sk")).containsExactly("B", "a", "b", "é", "～", "😀");
    }

    @Test
    void aBinarySortKeyOrdersBytesAsUnsigned() {
        String t = create("types", TableSpec.hash("pk", S).range("sk", B));
        int[][] values = {{0x80}, {0x01}, {0xFF}, {0x7F}, {0x01, 0x00}, {0x00}};
        for (int[] v : values) {
            put(t, item("pk", "p", "sk", b(v)));
        }
        List<SdkBytes> order = new ArrayList<>();
        for (Map<String, AttributeValue> i : partition(t)) {
            order.add(i.get("sk").b());
        }
        assertThat(order)
                .containsExactly(bytes(0x00), bytes(0x01), bytes(0x01, 0x00), bytes(0x7F), bytes(0x80), bytes(0xFF));
    }

    @Test
    @Diverges(
            target = AwsTarget.MOTO,
            reason = "moto stores empty SS, NS and BS values ; AWS: DynamoDB does not support empty sets")
    void emptySetsAreRefused() {
        String t = table("types", false);
        assertValidation(() -> put(t, item("pk", "a", "v", AttributeValue.fromSs(List.of()))));
        assertValidation(() -> put(t, item("pk", "a", "v", AttributeValue.fromNs(List.of()))));
        assertValidation(() -> put(t, item("pk", "a", "v", AttributeValue.fromBs(List.of()))));
        assertThat(get(t, item("pk", "a"))).isNull();
    }

    @Test
    @Diverges(
            target = AwsTarget.MOTO,
            reason = "moto stores a set with duplicate members ; AWS: each value within a set must be unique")
    void setsWithDuplicateMembersAreRefused() {
        String t = table("types", false);
        assertValidation(() -> put(t, item("pk", "a", "v", ss("x", "x"))));
        assertValidation(() -> put(t, item("pk", "a", "v", ns("1", "1"))));
        assertValidation(() -> put(t, item("pk", "a", "v", bs(bytes(1), bytes(1)))));
        assertThat(get(t, item("pk", "a"))).isNull();
    }

    @Test
    void emptyStringsAndBinariesAreAllowedOutsideKeys() {
        String t = table("types", false);
        put(t, item("pk", "a", "str", "", "bin", b(), "inMap", m("e", ""), "inList", l(s(""))));
        assertThat(get(t, item("pk", "a")))
                .isEqualTo(item("pk", "a", "str", "", "bin", b(), "inMap", m("e", ""), "inList", l(s(""))));
    }

    /** AWS's quotas: "Empty String and Binary values are allowed inside Set, List, and Map types". */
    @Test
    void emptyStringsAndBinariesAreAllowedInsideSets() {
        String t = table("types", false);
        put(t, item("pk", "a", "ss", ss("", "x"), "bs", bs(bytes(), bytes(1))));
        Map<String, AttributeValue> got = get(t, item("pk", "a"));
        assertThat(got.get("ss").ss()).containsExactlyInAnyOrder("", "x");
        assertThat(got.get("bs").bs()).containsExactlyInAnyOrder(bytes(), bytes(1));
    }

    /** AWS's quotas: "DynamoDB supports nested attributes up to 32 levels deep". */
    @Test
    @Diverges(
            target = AwsTarget.MOTO,
            reason =
                    "moto stores a document nested 40 levels deep ; AWS: DynamoDB supports nested attributes up to 32 levels deep")
    void documentsNestDeeplyButNotBeyondThirtyTwoLevels() {
        String t = table("types", false);
        AttributeValue twenty = nested(20);
        put(t, item("pk", "a", "doc", twenty));
        assertThat(get(t, item("pk", "a")).get("doc")).isEqualTo(twenty);
        assertValidation(() -> put(t, item("pk", "b", "doc", nested(40))));
        assertThat(get(t, item("pk", "b"))).isNull();
    }

    private static AttributeValue nested(int levels) {
        AttributeValue v = s("bottom");
        for (int i = 0; i < levels; i++) {
            v = i % 2 == 0 ? m("k", v) : l(v);
        }
        return v;
    }

    @Test
    @Diverges(
            target = AwsTarget.MOTO,
            reason =
                    "moto stores an item whose B partition key is empty ; AWS: key attributes of type String or Binary must have a length greater than zero")
    void anEmptyBinaryKeyIsRefused() {
        String t = create("types", TableSpec.hash("pk", B));
        assertValidation(() -> put(t, item("pk", b())));
    }

    @Test
    @Diverges(
            target = AwsTarget.MOTO,
            reason =
                    "moto stores an AttributeValue with both S and N set ; AWS: an AttributeValue is exactly one data type")
    void anAttributeValueWithTwoTypesIsRefused() {
        String t = table("types", false);
        AttributeValue both = AttributeValue.builder().s("x").n("1").build();
        assertValidation(() -> put(t, item("pk", "a", "v", both)));
    }
}
