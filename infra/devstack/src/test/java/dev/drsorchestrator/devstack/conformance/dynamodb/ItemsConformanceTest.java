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
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/** PutItem, GetItem, DeleteItem: projections, return values, conditions, size and key checks. */
@ParameterizedClass(name = "[{0}]")
@MethodSource("dev.drsorchestrator.devstack.conformance.Targets#dynamodb")
class ItemsConformanceTest extends DynamoDbConformance {

    private static final String CONDITION_FAILED = "The conditional request failed";
    /** AWS Knowledge Center, "provided key element does not match the schema" (wrong type, part of a key, extra key). */
    private static final String KEY_MISMATCH = "The provided key element does not match the schema";

    @Test
    void aPutItemIsReadBackWhole() {
        String t = table("items", true);
        Map<String, AttributeValue> item =
                item("pk", "a", "sk", "1", "name", "first", "count", 3, "nested", m("x", l(s("y"), n(2))));
        put(t, item);
        GetItemResponse r = ddb.getItem(b -> b.tableName(t).key(item("pk", "a", "sk", "1")));
        assertThat(r.item()).isEqualTo(item);
    }

    @Test
    void gettingAMissingItemAnswersWithoutAnItem() {
        String t = table("items", false);
        GetItemResponse r = ddb.getItem(b -> b.tableName(t).key(item("pk", "nobody")));
        assertThat(r.hasItem()).isFalse();
    }

    @Test
    void aConsistentReadSeesTheLatestWrite() {
        String t = table("items", false);
        for (int i = 0; i < 5; i++) {
            put(t, item("pk", "a", "v", i));
            assertThat(get(t, item("pk", "a")).get("v")).isEqualTo(n(i));
        }
    }

    @Test
    void aPutReplacesTheWholeItem() {
        String t = table("items", false);
        put(t, item("pk", "a", "old", "x", "kept", "y"));
        put(t, item("pk", "a", "new", "z"));
        assertThat(get(t, item("pk", "a"))).isEqualTo(item("pk", "a", "new", "z"));
    }

    @Test
    void putWithReturnValuesAllOldAnswersWithTheReplacedItem() {
        String t = table("items", false);
        PutItemResponse first =
                ddb.putItem(b -> b.tableName(t).item(item("pk", "a", "v", 1)).returnValues(ReturnValue.ALL_OLD));
        assertThat(first.hasAttributes()).isFalse();
        PutItemResponse second =
                ddb.putItem(b -> b.tableName(t).item(item("pk", "a", "v", 2)).returnValues(ReturnValue.ALL_OLD));
        assertThat(second.attributes()).isEqualTo(item("pk", "a", "v", 1));
    }

    @Test
    void putWithReturnValuesOtherThanNoneOrAllOldIsRefused() {
        String t = table("items", false);
        assertValidation(
                () -> ddb.putItem(b -> b.tableName(t).item(item("pk", "a")).returnValues(ReturnValue.ALL_NEW)));
        assertThat(get(t, item("pk", "a"))).isNull();
    }

    @Test
    void aProjectionReturnsOnlyTheNamedAttributes() {
        String t = table("items", false);
        put(t, item("pk", "a", "x", 1, "y", 2, "z", 3));
        Map<String, AttributeValue> got = ddb.getItem(
                        b -> b.tableName(t).key(item("pk", "a")).projectionExpression("x, z"))
                .item();
        assertThat(got).isEqualTo(item("x", 1, "z", 3));
    }

    @Test
    void aProjectionReachesNestedMapPathsAndListIndexes() {
        String t = table("items", false);
        put(
                t,
                item(
                        "pk",
                        "a",
                        "doc",
                        m("inr", m("deep", "d", "oth", "o"), "sibling", "s"),
                        "lst",
                        l(s("zero"), s("one"), m("k", "two", "j", "other")),
                        "rest",
                        "r"));
        Map<String, AttributeValue> got = ddb.getItem(
                        b -> b.tableName(t).key(item("pk", "a")).projectionExpression("doc.inr.deep, lst[1]"))
                .item();
        assertThat(got).isEqualTo(item("doc", m("inr", m("deep", "d")), "lst", l(s("one"))));
        Map<String, AttributeValue> inList = ddb.getItem(
                        b -> b.tableName(t).key(item("pk", "a")).projectionExpression("lst[2].k"))
                .item();
        assertThat(inList).isEqualTo(item("lst", l(m("k", "two"))));
    }

    @Test
    @Diverges(
            target = AwsTarget.MOTO,
            reason =
                    "moto reports #l unused when a ProjectionExpression uses it as #l[1] ; AWS: a name placeholder may be followed by a list index in a document path")
    void aNamePlaceholderWithAListIndexWorksInAProjection() {
        String t = table("items", false);
        put(t, item("pk", "a", "list", l(s("zero"), s("one")), "other", "o"));
        Map<String, AttributeValue> got = ddb.getItem(b -> b.tableName(t)
                        .key(item("pk", "a"))
                        .projectionExpression("#l[1]")
                        .expressionAttributeNames(Map.of("#l", "list")))
                .item();
        assertThat(got).isEqualTo(item("list", l(s("one"))));
    }

    @Test
    void aProjectionOfMissingPathsLeavesThemOut() {
        String t = table("items", false);
        put(t, item("pk", "a", "x", 1, "lst", l(s("only"))));
        Map<String, AttributeValue> got = ddb.getItem(
                        b -> b.tableName(t).key(item("pk", "a")).projectionExpression("x, absent, absent2.y, lst[5]"))
                .item();
        assertThat(got).isEqualTo(item("x", 1));
    }

    @Test
    void deleteItemRemovesItAndCanAnswerWithTheOldItem() {
        String t = table("items", true);
        put(t, item("pk", "a", "sk", "1", "v", "gone"));
        put(t, item("pk", "a", "sk", "2", "v", "stays"));
        DeleteItemResponse r = ddb.deleteItem(
                b -> b.tableName(t).key(item("pk", "a", "sk", "1")).returnValues(ReturnValue.ALL_OLD));
        assertThat(r.attributes()).isEqualTo(item("pk", "a", "sk", "1", "v", "gone"));
        assertThat(get(t, item("pk", "a", "sk", "1"))).isNull();
        assertThat(get(t, item("pk", "a", "sk", "2"))).isNotNull();
    }

    @Test
    void deletingAMissingItemSucceedsWithoutAttributes() {
        String t = table("items", false);
        DeleteItemResponse r =
                ddb.deleteItem(b -> b.tableName(t).key(item("pk", "nobody")).returnValues(ReturnValue.ALL_OLD));
        assertThat(r.hasAttributes()).isFalse();
    }

    @Test
    void deleteWithReturnValuesOtherThanNoneOrAllOldIsRefused() {
        String t = table("items", false);
        put(t, item("pk", "a"));
        assertValidation(
                () -> ddb.deleteItem(b -> b.tableName(t).key(item("pk", "a")).returnValues(ReturnValue.UPDATED_OLD)));
        assertThat(get(t, item("pk", "a"))).isNotNull();
    }

    @Test
    void aNamePlaceholderForADottedNameMeansOneTopLevelAttribute() {
        String t = table("items", false);
        put(t, item("pk", "a", "a.b", "top", "a", m("b", "nested")));
        Map<String, AttributeValue> top = ddb.getItem(b -> b.tableName(t)
                        .key(item("pk", "a"))
                        .projectionExpression("#ab")
                        .expressionAttributeNames(Map.of("#ab", "a.b")))
                .item();
        assertThat(top).isEqualTo(item("a.b", "top"));
        Map<String, AttributeValue> nested = ddb.getItem(
                        b -> b.tableName(t).key(item("pk", "a")).projectionExpression("a.b"))
                .item();
        assertThat(nested).isEqualTo(item("a", m("b", "nested")));
    }

    @Test
    void aPutConditionedOnAbsenceRefusesTheSecondPut() {
        String t = table("items", false);
        ddb.putItem(b -> b.tableName(t).item(item("pk", "a", "v", 1)).conditionExpression("attribute_not_exists(pk)"));
        ConditionalCheckFailedException e = catchThrowableOfType(
                ConditionalCheckFailedException.class,
                () -> ddb.putItem(b ->
                        b.tableName(t).item(item("pk", "a", "v", 2)).conditionExpression("attribute_not_exists(pk)")));
        assertThat(e).isNotNull();
        assertThat(e.awsErrorDetails().errorMessage()).contains(CONDITION_FAILED);
        assertThat(e.hasItem())
                .as("no item without ReturnValuesOnConditionCheckFailure")
                .isFalse();
        assertThat(get(t, item("pk", "a"))).isEqualTo(item("pk", "a", "v", 1));
    }

    @Test
    void aFailedPutConditionCarriesTheItemWhenAskedForAllOld() {
        String t = table("items", false);
        put(t, item("pk", "a", "v", 1));
        ConditionalCheckFailedException e = catchThrowableOfType(
                ConditionalCheckFailedException.class,
                () -> ddb.putItem(b -> b.tableName(t)
                        .item(item("pk", "a", "v", 2))
                        .conditionExpression("v = :two")
                        .expressionAttributeValues(item(":two", 2))
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)));
        assertThat(e).isNotNull();
        assertThat(e.item()).isEqualTo(item("pk", "a", "v", 1));
    }

    @Test
    void aPutConditionThatHoldsWritesTheItem() {
        String t = table("items", false);
        put(t, item("pk", "a", "v", 1));
        ddb.putItem(b -> b.tableName(t)
                .item(item("pk", "a", "v", 2))
                .conditionExpression("v < :two")
                .expressionAttributeValues(item(":two", 2)));
        assertThat(get(t, item("pk", "a"))).isEqualTo(item("pk", "a", "v", 2));
    }

    @Test
    void aConditionalDeleteDeletesOnlyWhenTheConditionHolds() {
        String t = table("items", false);
        put(t, item("pk", "a", "state", "open"));
        ConditionalCheckFailedException e = catchThrowableOfType(
                ConditionalCheckFailedException.class,
                () -> ddb.deleteItem(b -> b.tableName(t)
                        .key(item("pk", "a"))
                        .conditionExpression("#s = :closed")
                        .expressionAttributeNames(Map.of("#s", "state"))
                        .expressionAttributeValues(item(":closed", "closed"))
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)));
        assertThat(e).isNotNull();
        assertThat(e.awsErrorDetails().errorMessage()).contains(CONDITION_FAILED);
        assertThat(e.item()).isEqualTo(item("pk", "a", "state", "open"));
        assertThat(get(t, item("pk", "a"))).isNotNull();

        ddb.deleteItem(b -> b.tableName(t)
                .key(item("pk", "a"))
                .conditionExpression("#s = :open")
                .expressionAttributeNames(Map.of("#s", "state"))
                .expressionAttributeValues(item(":open", "open")));
        assertThat(get(t, item("pk", "a"))).isNull();
    }

    @Test
    void aConditionOnAMissingItemSeesNoAttributes() {
        String t = table("items", false);
        ConditionalCheckFailedException e = catchThrowableOfType(
                ConditionalCheckFailedException.class,
                () -> ddb.deleteItem(b -> b.tableName(t)
                        .key(item("pk", "nobody"))
                        .conditionExpression("attribute_exists(pk)")
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)));
        assertThat(e).isNotNull();
        assertThat(e.hasItem() ? e.item() : Map.of()).isEmpty();
    }

    @Test
    void anItemUnderFourHundredKilobytesIsStored() {
        String t = table("items", false);
        String big = "x".repeat(400_000);
        put(t, item("pk", "a", "data", big));
        assertThat(get(t, item("pk", "a")).get("data").s()).hasSize(400_000);
    }

    @Test
    void anItemOverFourHundredKilobytesIsRefused() {
        String t = table("items", false);
        String big = "x".repeat(409_600);
        assertValidation(() -> put(t, item("pk", "a", "data", big)), "size");
        assertThat(get(t, item("pk", "a"))).isNull();
    }

    @Test
    @Diverges(
            target = AwsTarget.MOTO,
            reason =
                    "moto stores an item whose S key is given as N ; AWS: key attribute values must have the type of the key schema (ValidationException)")
    void aKeyOfTheWrongTypeIsRefused() {
        String t = table("items", false);
        assertValidation(() -> put(t, item("pk", n(1))));
        assertValidation(() -> ddb.getItem(b -> b.tableName(t).key(item("pk", n(1)))), KEY_MISMATCH);
    }

    @Test
    void aPutWithoutItsKeyAttributesIsRefused() {
        String t = table("items", true);
        assertValidation(() -> put(t, item("pk", "a", "v", 1)), "sk");
        assertValidation(() -> put(t, item("sk", "a", "v", 1)), "pk");
    }

    @Test
    @Diverges(
            target = AwsTarget.MOTO,
            reason =
                    "moto refuses a partial or extra key with the bare message 'Validation Exception' ; AWS: 'The provided key element does not match the schema'")
    void aGetWhoseKeyDoesNotMatchTheSchemaIsRefused() {
        String t = table("items", true);
        assertValidation(() -> ddb.getItem(b -> b.tableName(t).key(item("pk", "a"))), KEY_MISMATCH);
        assertValidation(
                () -> ddb.getItem(b -> b.tableName(t).key(item("pk", "a", "sk", "1", "extra", "x"))), KEY_MISMATCH);
    }

    @Test
    void keyValuesAreLimitedTo2048BytesForPartitionAnd1024ForSortKeys() {
        String t = table("items", true);
        put(t, item("pk", "p".repeat(2048), "sk", "s".repeat(1024)));
        assertThat(get(t, item("pk", "p".repeat(2048), "sk", "s".repeat(1024)))).isNotNull();
        assertValidation(() -> put(t, item("pk", "p".repeat(2049), "sk", "s")));
        assertValidation(() -> put(t, item("pk", "p", "sk", "s".repeat(1025))));
    }

    @Test
    void anEmptyStringKeyIsRefused() {
        String t = table("items", true);
        assertValidation(() -> put(t, item("pk", "", "sk", "1")));
        assertValidation(() -> put(t, item("pk", "a", "sk", "")));
        assertValidation(() -> ddb.getItem(b -> b.tableName(t).key(item("pk", "", "sk", "1"))));
    }
}
