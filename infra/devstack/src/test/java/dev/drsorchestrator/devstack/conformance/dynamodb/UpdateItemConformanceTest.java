package dev.drsorchestrator.devstack.conformance.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.drsorchestrator.devstack.conformance.AwsTarget;
import dev.drsorchestrator.devstack.conformance.Diverges;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/** UpdateItem: SET, REMOVE, ADD, DELETE, functions, document paths, ReturnValues, conditions, refusals. */
@ParameterizedClass(name = "[{0}]")
@MethodSource("dev.drsorchestrator.devstack.conformance.Targets#dynamodb")
class UpdateItemConformanceTest extends DynamoDbConformance {

    private static final Map<String, AttributeValue> KEY = item("pk", "a");

    private UpdateItemResponse update(String t, String expression, Map<String, AttributeValue> values) {
        return update(t, expression, values, ReturnValue.NONE);
    }

    private UpdateItemResponse update(
            String t, String expression, Map<String, AttributeValue> values, ReturnValue returnValues) {
        return ddb.updateItem(b -> {
            b.tableName(t).key(KEY).updateExpression(expression).returnValues(returnValues);
            if (!values.isEmpty()) {
                b.expressionAttributeValues(values);
            }
        });
    }

    private Map<String, AttributeValue> stored(String t) {
        return get(t, KEY);
    }

    @Test
    void setAddsNewAttributesAndReplacesExistingOnes() {
        String t = table("update", false);
        put(t, item("pk", "a", "x", 1, "y", "keep"));
        update(t, "SET x = :x, z = :z", item(":x", "one", ":z", l(s("new"))));
        assertThat(stored(t)).isEqualTo(item("pk", "a", "x", "one", "y", "keep", "z", l(s("new"))));
    }

    @Test
    void removeDeletesAttributesAndIgnoresMissingOnes() {
        String t = table("update", false);
        put(t, item("pk", "a", "x", 1, "y", 2, "z", 3));
        update(t, "REMOVE x, z, absent", Map.of());
        assertThat(stored(t)).isEqualTo(item("pk", "a", "y", 2));
    }

    @Test
    void addIncrementsANumberStartingFromZeroWhenMissing() {
        String t = table("update", false);
        update(t, "ADD cnt :five", item(":five", 5));
        assertThat(stored(t).get("cnt")).isEqualTo(n(5));
        update(t, "ADD cnt :minusTwo", item(":minusTwo", -2));
        assertThat(stored(t).get("cnt")).isEqualTo(n(3));
    }

    @Test
    void addUnitesSetsAndCreatesAMissingSet() {
        String t = table("update", false);
        update(t, "ADD tags :t", item(":t", ss("a", "b")));
        update(t, "ADD tags :t", item(":t", ss("b", "c")));
        assertThat(stored(t).get("tags").ss()).containsExactlyInAnyOrder("a", "b", "c");
    }

    @Test
    void deleteRemovesElementsFromASet() {
        String t = table("update", false);
        put(t, item("pk", "a", "nums", ns("1", "2", "3")));
        update(t, "DELETE nums :gone", item(":gone", ns("2", "9")));
        assertThat(stored(t).get("nums").ns()).containsExactlyInAnyOrder("1", "3");
    }

    @Test
    void deletingEveryElementOfASetRemovesTheAttribute() {
        String t = table("update", false);
        put(t, item("pk", "a", "tags", ss("a", "b")));
        update(t, "DELETE tags :all", item(":all", ss("a", "b")));
        assertThat(stored(t)).isEqualTo(item("pk", "a"));
    }

    @Test
    void ifNotExistsSetsOnlyAMissingAttribute() {
        String t = table("update", false);
        put(t, item("pk", "a", "present", 1));
        update(
                t,
                "SET present = if_not_exists(present, :zero), created = if_not_exists(created, :zero)",
                item(":zero", 0));
        assertThat(stored(t)).isEqualTo(item("pk", "a", "present", 1, "created", 0));
    }

    @Test
    void ifNotExistsPlusOneCountsFromTheDefault() {
        String t = table("update", false);
        for (int i = 0; i < 3; i++) {
            update(t, "SET hits = if_not_exists(hits, :zero) + :one", item(":zero", 0, ":one", 1));
        }
        assertThat(stored(t).get("hits")).isEqualTo(n(3));
    }

    @Test
    void listAppendAppendsAndPrepends() {
        String t = table("update", false);
        put(t, item("pk", "a", "lst", l(s("b"))));
        update(t, "SET lst = list_append(lst, :end)", item(":end", l(s("c"), s("d"))));
        update(t, "SET lst = list_append(:start, lst)", item(":start", l(s("a"))));
        assertThat(stored(t).get("lst")).isEqualTo(l(s("a"), s("b"), s("c"), s("d")));
    }

    @Test
    void plusAndMinusComputeWithDecimalNumbers() {
        String t = table("update", false);
        put(t, item("pk", "a", "x", n("10.5"), "y", 4));
        update(t, "SET tot = x + y, diff = y - :d, neg = :zero - x", item(":d", n("0.25"), ":zero", 0));
        Map<String, AttributeValue> got = stored(t);
        assertThat(got.get("tot")).isEqualTo(n("14.5"));
        assertThat(got.get("diff")).isEqualTo(n("3.75"));
        assertThat(got.get("neg")).isEqualTo(n("-10.5"));
    }

    @Test
    void everyActionSeesTheValuesFromBeforeTheUpdate() {
        String t = table("update", false);
        put(t, item("pk", "a", "x", 1, "y", 2));
        update(t, "SET x = y, y = x", Map.of());
        assertThat(stored(t)).isEqualTo(item("pk", "a", "x", 2, "y", 1));
    }

    @Test
    void setReachesIntoNestedMaps() {
        String t = table("update", false);
        put(t, item("pk", "a", "doc", m("inr", m("v", 1, "w", 2), "other_branch", "kept")));
        update(t, "SET doc.inr.v = :v, doc.inr.fresh = :f", item(":v", 10, ":f", "new"));
        assertThat(stored(t).get("doc"))
                .isEqualTo(m("inr", m("v", 10, "w", 2, "fresh", "new"), "other_branch", "kept"));
    }

    @Test
    void setOnAListIndexReplacesThatElement() {
        String t = table("update", false);
        put(t, item("pk", "a", "lst", l(s("a"), s("b"), s("c"))));
        update(t, "SET lst[1] = :x", item(":x", "B"));
        assertThat(stored(t).get("lst")).isEqualTo(l(s("a"), s("B"), s("c")));
    }

    @Test
    void setBeyondTheEndOfAListAppends() {
        String t = table("update", false);
        put(t, item("pk", "a", "lst", l(s("a"), s("b"))));
        update(t, "SET lst[10] = :x", item(":x", "z"));
        assertThat(stored(t).get("lst")).isEqualTo(l(s("a"), s("b"), s("z")));
    }

    @Test
    void removingAListElementShiftsTheRest() {
        String t = table("update", false);
        put(t, item("pk", "a", "lst", l(s("a"), s("b"), s("c"), s("d"))));
        update(t, "REMOVE lst[1], lst[2]", Map.of());
        assertThat(stored(t).get("lst")).isEqualTo(l(s("a"), s("d")));
    }

    @Test
    void aListIndexOnANonListIsRefused() {
        String t = table("update", false);
        put(t, item("pk", "a", "txt", "abc", "doc", m("k", 1)));
        assertValidation(() -> update(t, "SET txt[0] = :v", item(":v", "x")));
        assertValidation(() -> update(t, "SET doc[0] = :v", item(":v", "x")));
        assertThat(stored(t)).isEqualTo(item("pk", "a", "txt", "abc", "doc", m("k", 1)));
    }

    @Test
    void setUnderAMissingParentIsRefused() {
        String t = table("update", false);
        put(t, item("pk", "a", "doc", m("v", 1)));
        assertValidation(() -> update(t, "SET nothing.here = :v", item(":v", 1)));
        assertValidation(() -> update(t, "SET doc.absent.deeper = :v", item(":v", 1)));
        assertThat(stored(t)).isEqualTo(item("pk", "a", "doc", m("v", 1)));
    }

    @Test
    void returnValuesNoneAnswersWithoutAttributes() {
        String t = table("update", false);
        put(t, item("pk", "a", "x", 1));
        assertThat(update(t, "SET x = :v", item(":v", 2), ReturnValue.NONE).hasAttributes())
                .isFalse();
    }

    @Test
    void returnValuesAllOldAnswersWithTheWholeItemBefore() {
        String t = table("update", false);
        put(t, item("pk", "a", "x", 1, "y", 1));
        UpdateItemResponse r = update(t, "SET x = :v", item(":v", 2), ReturnValue.ALL_OLD);
        assertThat(r.attributes()).isEqualTo(item("pk", "a", "x", 1, "y", 1));
    }

    @Test
    void returnValuesUpdatedOldAnswersWithOnlyTheUpdatedAttributesBefore() {
        String t = table("update", false);
        put(t, item("pk", "a", "x", 1, "y", 1, "gone", "g"));
        UpdateItemResponse r =
                update(t, "SET x = :v, brandNew = :v REMOVE gone", item(":v", 2), ReturnValue.UPDATED_OLD);
        assertThat(r.attributes()).isEqualTo(item("x", 1, "gone", "g"));
    }

    @Test
    void returnValuesAllNewAnswersWithTheWholeItemAfter() {
        String t = table("update", false);
        put(t, item("pk", "a", "x", 1, "y", 1));
        UpdateItemResponse r = update(t, "SET x = :v", item(":v", 2), ReturnValue.ALL_NEW);
        assertThat(r.attributes()).isEqualTo(item("pk", "a", "x", 2, "y", 1));
    }

    @Test
    void returnValuesUpdatedNewAnswersWithOnlyTheUpdatedAttributesAfter() {
        String t = table("update", false);
        put(t, item("pk", "a", "x", 1, "y", 1, "gone", "g"));
        UpdateItemResponse r =
                update(t, "SET x = :v, brandNew = :v REMOVE gone ADD cnt :v", item(":v", 2), ReturnValue.UPDATED_NEW);
        assertThat(r.attributes()).isEqualTo(item("x", 2, "brandNew", 2, "cnt", 2));
    }

    @Test
    void updatingAMissingItemCreatesIt() {
        String t = table("update", true);
        UpdateItemResponse r = ddb.updateItem(b -> b.tableName(t)
                .key(item("pk", "new", "sk", "1"))
                .updateExpression("SET v = :v")
                .expressionAttributeValues(item(":v", "created"))
                .returnValues(ReturnValue.ALL_OLD));
        assertThat(r.hasAttributes()).isFalse();
        assertThat(get(t, item("pk", "new", "sk", "1"))).isEqualTo(item("pk", "new", "sk", "1", "v", "created"));
    }

    @Test
    void returnValuesAllNewOfAnUpsertIsTheWholeNewItem() {
        String t = table("update", false);
        UpdateItemResponse r = update(t, "SET v = :v ADD cnt :one", item(":v", "x", ":one", 1), ReturnValue.ALL_NEW);
        assertThat(r.attributes()).isEqualTo(item("pk", "a", "v", "x", "cnt", 1));
    }

    @Test
    void aConditionRequiringTheItemPreventsTheUpsert() {
        String t = table("update", false);
        ConditionalCheckFailedException e = catchThrowableOfType(
                ConditionalCheckFailedException.class,
                () -> ddb.updateItem(b -> b.tableName(t)
                        .key(KEY)
                        .updateExpression("SET v = :v")
                        .conditionExpression("attribute_exists(pk)")
                        .expressionAttributeValues(item(":v", 1))));
        assertThat(e).isNotNull();
        assertThat(stored(t)).isNull();
    }

    @Test
    void aFailedUpdateConditionCarriesTheItemAndChangesNothing() {
        String t = table("update", false);
        put(t, item("pk", "a", "ver", 3));
        ConditionalCheckFailedException e = catchThrowableOfType(
                ConditionalCheckFailedException.class,
                () -> ddb.updateItem(b -> b.tableName(t)
                        .key(KEY)
                        .updateExpression("SET ver = :next")
                        .conditionExpression("ver = :expected")
                        .expressionAttributeValues(item(":next", 2, ":expected", 1))
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)));
        assertThat(e).isNotNull();
        assertThat(e.awsErrorDetails().errorMessage()).contains("The conditional request failed");
        assertThat(e.item()).isEqualTo(item("pk", "a", "ver", 3));
        assertThat(stored(t)).isEqualTo(item("pk", "a", "ver", 3));
    }

    @Test
    void theConditionSeesTheItemBeforeTheUpdate() {
        String t = table("update", false);
        put(t, item("pk", "a", "v", 1));
        Map<String, AttributeValue> values = item(":one", 1, ":two", 2);
        ddb.updateItem(b -> b.tableName(t)
                .key(KEY)
                .updateExpression("SET v = :two")
                .conditionExpression("v = :one")
                .expressionAttributeValues(values));
        assertThat(stored(t)).isEqualTo(item("pk", "a", "v", 2));
        ConditionalCheckFailedException e = catchThrowableOfType(
                ConditionalCheckFailedException.class,
                () -> ddb.updateItem(b -> b.tableName(t)
                        .key(KEY)
                        .updateExpression("SET v = :two")
                        .conditionExpression("v = :one")
                        .expressionAttributeValues(values)));
        assertThat(e).isNotNull();
    }

    @Test
    void updatingAKeyAttributeIsRefused() {
        String t = table("update", true);
        put(t, item("pk", "a", "sk", "1"));
        assertValidation(() -> ddb.updateItem(b -> b.tableName(t)
                .key(item("pk", "a", "sk", "1"))
                .updateExpression("SET sk = :v")
                .expressionAttributeValues(item(":v", "2"))));
        assertValidation(() -> ddb.updateItem(
                b -> b.tableName(t).key(item("pk", "a", "sk", "1")).updateExpression("REMOVE pk")));
        assertThat(get(t, item("pk", "a", "sk", "1"))).isNotNull();
    }

    @Test
    void twoActionsOnOnePathAreRefused() {
        String t = table("update", false);
        put(t, item("pk", "a", "x", 1, "doc", m("v", 1)));
        assertValidation(() -> update(t, "SET x = :v REMOVE x", item(":v", 2)));
        assertValidation(() -> update(t, "SET doc = :m, doc.v = :v", item(":m", m("v", 5), ":v", 2)));
        assertThat(stored(t)).isEqualTo(item("pk", "a", "x", 1, "doc", m("v", 1)));
    }

    @Test
    void arithmeticOnANonNumberIsRefused() {
        String t = table("update", false);
        put(t, item("pk", "a", "txt", "abc"));
        assertValidation(() -> update(t, "SET txt = txt + :one", item(":one", 1)));
        assertValidation(() -> update(t, "ADD txt :one", item(":one", 1)));
        assertThat(stored(t)).isEqualTo(item("pk", "a", "txt", "abc"));
    }

    @Test
    void addAndDeleteOnAListAreRefused() {
        String t = table("update", false);
        put(t, item("pk", "a", "lst", l(s("x"))));
        assertValidation(() -> update(t, "ADD lst :more", item(":more", l(s("y")))));
        assertValidation(() -> update(t, "DELETE lst :some", item(":some", l(s("x")))));
        assertThat(stored(t)).isEqualTo(item("pk", "a", "lst", l(s("x"))));
    }

    /**
     * AWS's quotas: "The maximum number of operators or functions allowed in an UpdateExpression is 300". The grammar
     * allows one + or - per SET action, so the operators here are spread over many actions (the whole expression stays
     * under the 4 KB limit).
     */
    @Test
    @Diverges(
            target = AwsTarget.MOTO,
            reason =
                    "moto fails with HTTP 500 on an UpdateExpression of 301 SET actions with one + each ; AWS: at most 300 operators in an UpdateExpression (ValidationException)")
    void anUpdateExpressionWithMoreThan300OperatorsIsRefused() {
        String t = table("update", false);
        put(t, item("pk", "a"));
        assertValidation(() -> update(t, sums(301), item(":o", 1)));
        assertThat(stored(t)).isEqualTo(item("pk", "a"));
        update(t, sums(100), item(":o", 1));
        assertThat(stored(t)).hasSize(101).containsEntry("a99", n(2));
    }

    /** SET a0=:o+:o, a1=:o+:o, … with this many + operators. */
    private static String sums(int operators) {
        StringBuilder b = new StringBuilder("SET ");
        for (int i = 0; i < operators; i++) {
            b.append(i == 0 ? "" : ",").append('a').append(i).append("=:o+:o");
        }
        return b.toString();
    }

    @Test
    void anUpdateThatWouldGrowTheItemPastFourHundredKilobytesIsRefused() {
        String t = table("update", false);
        put(t, item("pk", "a", "one", "x".repeat(300_000)));
        assertValidation(() -> update(t, "SET two = :big", item(":big", "y".repeat(200_000))));
        assertThat(stored(t).containsKey("two")).isFalse();
    }
}
