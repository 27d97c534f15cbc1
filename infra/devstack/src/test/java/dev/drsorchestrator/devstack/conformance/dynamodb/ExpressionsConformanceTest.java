package dev.drsorchestrator.devstack.conformance.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * Condition and filter expressions: comparators, BETWEEN, IN, AND/OR/NOT with their precedence, parentheses and the
 * functions, evaluated as a Scan's FilterExpression over five items.
 */
@ParameterizedClass(name = "[{0}]")
@MethodSource("dev.drsorchestrator.devstack.conformance.Targets#dynamodb")
class ExpressionsConformanceTest extends DynamoDbConformance {

    private String t;

    @BeforeEach
    void fiveItems() {
        t = table("expr", false);
        put(
                t,
                item(
                        "pk",
                        "i1",
                        "n",
                        1,
                        "s",
                        "apple",
                        "tags",
                        ss("red", "green"),
                        "lst",
                        l(s("x"), n(1)),
                        "doc",
                        m("k", "v", "num", 7),
                        "flag",
                        bool(true)));
        put(
                t,
                item(
                        "pk",
                        "i2",
                        "n",
                        5,
                        "s",
                        "banana",
                        "tags",
                        ss("blue"),
                        "lst",
                        l(s("y")),
                        "nul",
                        nul(),
                        "flag",
                        bool(false)));
        put(t, item("pk", "i3", "n", 10, "s", "cherry", "st", "active"));
        put(t, item("pk", "i4", "n", -3, "s", "apricot", "bin", b(1, 2, 3)));
        put(t, item("pk", "i5", "s", "date"));
    }

    /** The pks of the items the filter keeps, sorted. */
    private List<String> matching(String filter, Object... values) {
        ScanRequest.Builder b = ScanRequest.builder().tableName(t).filterExpression(filter);
        if (values.length > 0) {
            b.expressionAttributeValues(item(values));
        }
        return scanAll(b.build()).stream().map(i -> i.get("pk").s()).sorted().collect(Collectors.toList());
    }

    @Test
    void equalsAndNotEquals() {
        assertThat(matching("n = :five", ":five", 5)).containsExactly("i2");
        assertThat(matching("s = :s", ":s", "date")).containsExactly("i5");
        assertThat(matching("n <> :five AND n > :zero", ":five", 5, ":zero", 0)).containsExactly("i1", "i3");
    }

    @Test
    void orderingComparatorsOnNumbers() {
        assertThat(matching("n < :five", ":five", 5)).containsExactly("i1", "i4");
        assertThat(matching("n <= :five", ":five", 5)).containsExactly("i1", "i2", "i4");
        assertThat(matching("n > :five", ":five", 5)).containsExactly("i3");
        assertThat(matching("n >= :five", ":five", 5)).containsExactly("i2", "i3");
    }

    @Test
    void orderingComparatorsOnStrings() {
        assertThat(matching("s < :b", ":b", "b")).containsExactly("i1", "i4");
        assertThat(matching("s >= :c", ":c", "c")).containsExactly("i3", "i5");
    }

    @Test
    void betweenIncludesBothBounds() {
        assertThat(matching("n BETWEEN :one AND :five", ":one", 1, ":five", 5)).containsExactly("i1", "i2");
        assertThat(matching("s BETWEEN :a AND :b", ":a", "apple", ":b", "banana"))
                .containsExactly("i1", "i2", "i4");
    }

    @Test
    void inMatchesAnyListedValue() {
        assertThat(matching("s IN (:a, :c, :z)", ":a", "apple", ":c", "cherry", ":z", "zzz"))
                .containsExactly("i1", "i3");
        assertThat(matching("n IN (:m)", ":m", -3)).containsExactly("i4");
    }

    @Test
    void andBindsTighterThanOr() {
        assertThat(matching("n = :ten OR n = :one AND s = :banana", ":ten", 10, ":one", 1, ":banana", "banana"))
                .containsExactly("i3");
        assertThat(matching("s = :banana AND n = :one OR n = :ten", ":ten", 10, ":one", 1, ":banana", "banana"))
                .containsExactly("i3");
    }

    @Test
    void notBindsTighterThanAnd() {
        assertThat(matching("NOT n = :one AND s = :apple", ":one", 1, ":apple", "apple"))
                .isEmpty();
        assertThat(matching("NOT s = :apple AND n > :one", ":one", 1, ":apple", "apple"))
                .containsExactly("i2", "i3");
    }

    @Test
    void parenthesesOverridePrecedence() {
        assertThat(matching("(n = :ten OR n = :one) AND s = :apple", ":ten", 10, ":one", 1, ":apple", "apple"))
                .containsExactly("i1");
        assertThat(matching("NOT (n = :one AND s = :apple)", ":one", 1, ":apple", "apple"))
                .containsExactly("i2", "i3", "i4", "i5");
    }

    @Test
    void attributeExistsAndAttributeNotExists() {
        assertThat(matching("attribute_exists(tags)")).containsExactly("i1", "i2");
        assertThat(matching("attribute_not_exists(tags)")).containsExactly("i3", "i4", "i5");
        assertThat(matching("attribute_exists(doc.k)")).containsExactly("i1");
        assertThat(matching("attribute_exists(nul)")).containsExactly("i2");
    }

    @Test
    void attributeTypeTellsEachType() {
        assertThat(matching("attribute_type(s, :t)", ":t", "S")).containsExactly("i1", "i2", "i3", "i4", "i5");
        assertThat(matching("attribute_type(n, :t)", ":t", "N")).containsExactly("i1", "i2", "i3", "i4");
        assertThat(matching("attribute_type(bin, :t)", ":t", "B")).containsExactly("i4");
        assertThat(matching("attribute_type(flag, :t)", ":t", "BOOL")).containsExactly("i1", "i2");
        assertThat(matching("attribute_type(nul, :t)", ":t", "NULL")).containsExactly("i2");
        assertThat(matching("attribute_type(doc, :t)", ":t", "M")).containsExactly("i1");
        assertThat(matching("attribute_type(lst, :t)", ":t", "L")).containsExactly("i1", "i2");
        assertThat(matching("attribute_type(tags, :t)", ":t", "SS")).containsExactly("i1", "i2");
        assertThat(matching("attribute_type(tags, :t)", ":t", "NS")).isEmpty();
    }

    @Test
    void beginsWithMatchesAStringPrefix() {
        assertThat(matching("begins_with(s, :p)", ":p", "ap")).containsExactly("i1", "i4");
        assertThat(matching("begins_with(s, :p)", ":p", "apple")).containsExactly("i1");
    }

    @Test
    void containsFindsASubstring() {
        assertThat(matching("contains(s, :sub)", ":sub", "an")).containsExactly("i2");
        assertThat(matching("contains(s, :sub)", ":sub", "rr")).containsExactly("i3");
    }

    @Test
    void containsFindsASetMember() {
        assertThat(matching("contains(tags, :m)", ":m", "red")).containsExactly("i1");
        assertThat(matching("contains(tags, :m)", ":m", "re")).isEmpty();
    }

    @Test
    void containsFindsAListElement() {
        assertThat(matching("contains(lst, :e)", ":e", "y")).containsExactly("i2");
        assertThat(matching("contains(lst, :e)", ":e", 1)).containsExactly("i1");
    }

    @Test
    void sizeMeasuresStringsSetsListsMapsAndBinaries() {
        // every item has s; the others are guarded by attribute_exists, so only present attributes are measured
        assertThat(matching("size(s) = :six", ":six", 6)).containsExactly("i2", "i3");
        assertThat(matching("attribute_exists(tags) AND size(tags) = :two", ":two", 2))
                .containsExactly("i1");
        assertThat(matching("attribute_exists(lst) AND size(lst) > :one", ":one", 1))
                .containsExactly("i1");
        assertThat(matching("attribute_exists(doc) AND size(doc) = :two", ":two", 2))
                .containsExactly("i1");
        assertThat(matching("attribute_exists(bin) AND size(bin) = :three", ":three", 3))
                .containsExactly("i4");
    }

    @Test
    void aComparisonWithAMissingAttributeIsFalse() {
        assertThat(matching("n < :big", ":big", 100)).containsExactly("i1", "i2", "i3", "i4");
        assertThat(matching("st = :a", ":a", "active")).containsExactly("i3");
    }

    @Test
    void documentPathsReachIntoMapsAndLists() {
        assertThat(matching("doc.k = :v", ":v", "v")).containsExactly("i1");
        assertThat(matching("doc.num > :five", ":five", 5)).containsExactly("i1");
        assertThat(matching("lst[0] = :x", ":x", "x")).containsExactly("i1");
        assertThat(matching("lst[1] = :one", ":one", 1)).containsExactly("i1");
    }

    @Test
    void numbersCompareByValueNotByText() {
        assertThat(matching("n = :v", ":v", n("5.00"))).containsExactly("i2");
        assertThat(matching("n < :v", ":v", n("1E1"))).containsExactly("i1", "i2", "i4");
        assertThat(matching("n > :v", ":v", n("-10"))).containsExactly("i1", "i2", "i3", "i4");
    }

    @Test
    void setEqualityIgnoresTheOrderOfMembers() {
        assertThat(matching("tags = :set", ":set", ss("green", "red"))).containsExactly("i1");
        assertThat(matching("tags = :set", ":set", ss("red"))).isEmpty();
    }

    @Test
    void aConditionExpressionOnAWriteUsesTheSameGrammar() {
        Map<String, AttributeValue> values = item(":red", "red", ":three", 3, ":t", "SS");
        ddb.putItem(b -> b.tableName(t)
                .item(item("pk", "i1", "replaced", bool(true)))
                .conditionExpression("contains(tags, :red) AND size(tags) < :three AND attribute_type(tags, :t)")
                .expressionAttributeValues(values));
        assertThat(get(t, item("pk", "i1"))).isEqualTo(item("pk", "i1", "replaced", bool(true)));
    }
}
