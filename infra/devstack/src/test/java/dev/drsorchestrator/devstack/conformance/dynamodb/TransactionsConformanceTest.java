package dev.drsorchestrator.devstack.conformance.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.drsorchestrator.devstack.conformance.AwsTarget;
import dev.drsorchestrator.devstack.conformance.Diverges;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.IdempotentParameterMismatchException;
import software.amazon.awssdk.services.dynamodb.model.ItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** TransactWriteItems and TransactGetItems: atomicity, cancellation reasons, limits, idempotency, reads in order. */
@ParameterizedClass(name = "[{0}]")
@MethodSource("dev.drsorchestrator.devstack.conformance.Targets#dynamodb")
class TransactionsConformanceTest extends DynamoDbConformance {

    static TransactWriteItem putAction(String t, Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(p -> p.tableName(t).item(item)).build();
    }

    static TransactWriteItem putIfAbsent(String t, Map<String, AttributeValue> item) {
        return TransactWriteItem.builder()
                .put(p -> p.tableName(t)
                        .item(item)
                        .conditionExpression("attribute_not_exists(pk)")
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD))
                .build();
    }

    static TransactWriteItem updateAction(
            String t, Map<String, AttributeValue> key, String expression, Map<String, AttributeValue> values) {
        return TransactWriteItem.builder()
                .update(u ->
                        u.tableName(t).key(key).updateExpression(expression).expressionAttributeValues(values))
                .build();
    }

    static TransactWriteItem deleteAction(String t, Map<String, AttributeValue> key) {
        return TransactWriteItem.builder().delete(d -> d.tableName(t).key(key)).build();
    }

    static TransactWriteItem checkAction(
            String t, Map<String, AttributeValue> key, String condition, Map<String, AttributeValue> values) {
        return TransactWriteItem.builder()
                .conditionCheck(c -> c.tableName(t)
                        .key(key)
                        .conditionExpression(condition)
                        .expressionAttributeValues(values)
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD))
                .build();
    }

    private void transact(List<TransactWriteItem> actions) {
        ddb.transactWriteItems(b -> b.transactItems(actions));
    }

    private static List<String> codes(TransactionCanceledException e) {
        List<String> codes = new ArrayList<>();
        for (CancellationReason r : e.cancellationReasons()) {
            codes.add(r.code());
        }
        return codes;
    }

    @Test
    void putUpdateDeleteAndConditionCheckApplyTogether() {
        String t = table("tx", false);
        put(t, item("pk", "upd", "n", 1));
        put(t, item("pk", "del"));
        put(t, item("pk", "chk", "ok", bool(true)));
        transact(List.of(
                putAction(t, item("pk", "new", "v", "x")),
                updateAction(t, item("pk", "upd"), "SET n = n + :one", item(":one", 1)),
                deleteAction(t, item("pk", "del")),
                checkAction(t, item("pk", "chk"), "ok = :yes", item(":yes", bool(true)))));
        assertThat(get(t, item("pk", "new"))).isEqualTo(item("pk", "new", "v", "x"));
        assertThat(get(t, item("pk", "upd"))).isEqualTo(item("pk", "upd", "n", 2));
        assertThat(get(t, item("pk", "del"))).isNull();
        assertThat(get(t, item("pk", "chk"))).isEqualTo(item("pk", "chk", "ok", bool(true)));
    }

    @Test
    void aFailedConditionCancelsEveryActionWithReasonsInOrder() {
        String t = table("tx", false);
        put(t, item("pk", "taken", "v", "original"));
        TransactionCanceledException e = catchThrowableOfType(
                TransactionCanceledException.class,
                () -> transact(List.of(
                        putAction(t, item("pk", "first")),
                        putIfAbsent(t, item("pk", "taken", "v", "overwritten")),
                        updateAction(t, item("pk", "third"), "SET v = :v", item(":v", 3)))));
        assertThat(e).isNotNull();
        assertThat(codes(e)).containsExactly("None", "ConditionalCheckFailed", "None");
        assertThat(e.awsErrorDetails().errorMessage()).contains("Transaction cancelled");
        assertThat(get(t, item("pk", "first"))).isNull();
        assertThat(get(t, item("pk", "third"))).isNull();
        assertThat(get(t, item("pk", "taken"))).isEqualTo(item("pk", "taken", "v", "original"));
    }

    @Test
    void everyFailedConditionIsReportedAtItsPosition() {
        String t = table("tx", false);
        put(t, item("pk", "a", "n", 1));
        put(t, item("pk", "c", "n", 1));
        TransactionCanceledException e = catchThrowableOfType(
                TransactionCanceledException.class,
                () -> transact(List.of(
                        checkAction(t, item("pk", "a"), "n = :two", item(":two", 2)),
                        putAction(t, item("pk", "b")),
                        checkAction(t, item("pk", "c"), "n = :two", item(":two", 2)))));
        assertThat(e).isNotNull();
        assertThat(codes(e)).containsExactly("ConditionalCheckFailed", "None", "ConditionalCheckFailed");
        assertThat(get(t, item("pk", "b"))).isNull();
    }

    @Test
    void aCancellationReasonCarriesTheItemWhenAskedForAllOld() {
        String t = table("tx", false);
        put(t, item("pk", "taken", "v", "original"));
        TransactionCanceledException e = catchThrowableOfType(
                TransactionCanceledException.class,
                () -> transact(
                        List.of(putAction(t, item("pk", "other")), putIfAbsent(t, item("pk", "taken", "v", "new")))));
        assertThat(e).isNotNull();
        CancellationReason failed = e.cancellationReasons().get(1);
        assertThat(failed.code()).isEqualTo("ConditionalCheckFailed");
        assertThat(failed.item()).isEqualTo(item("pk", "taken", "v", "original"));
        assertThat(e.cancellationReasons().get(0).hasItem()).isFalse();
    }

    @Test
    void aHundredActionsAreAccepted() {
        String t = table("tx", false);
        List<TransactWriteItem> actions = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            actions.add(putAction(t, item("pk", "k" + i)));
        }
        transact(actions);
        assertThat(ddb.scan(b -> b.tableName(t)).count()).isEqualTo(100);
    }

    @Test
    void moreThanAHundredActionsAreRefusedAndNothingIsWritten() {
        String t = table("tx", false);
        List<TransactWriteItem> actions = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            actions.add(putAction(t, item("pk", "k" + i)));
        }
        assertValidation(() -> transact(actions));
        assertThat(ddb.scan(b -> b.tableName(t)).count()).isZero();
    }

    @Test
    void twoActionsOnOneItemAreRefusedAndNothingIsWritten() {
        String t = table("tx", false);
        put(t, item("pk", "a", "n", 1));
        assertValidation(
                () -> transact(List.of(
                        putAction(t, item("pk", "b")),
                        updateAction(t, item("pk", "a"), "SET n = :two", item(":two", 2)),
                        checkAction(t, item("pk", "a"), "n = :one", item(":one", 1)))),
                "multiple operations on one item");
        assertThat(get(t, item("pk", "a"))).isEqualTo(item("pk", "a", "n", 1));
        assertThat(get(t, item("pk", "b"))).isNull();
    }

    @Test
    @Diverges(
            target = AwsTarget.MOTO,
            reason =
                    "moto applies a TransactWriteItems again when its ClientRequestToken is repeated ; AWS: a repeated token within 10 minutes succeeds without applying the actions again")
    void aRepeatedClientRequestTokenIsAppliedOnlyOnce() {
        String t = table("tx", false);
        String token = UUID.randomUUID().toString();
        List<TransactWriteItem> actions =
                List.of(updateAction(t, item("pk", "counter"), "ADD n :one", item(":one", 1)));
        ddb.transactWriteItems(b -> b.transactItems(actions).clientRequestToken(token));
        ddb.transactWriteItems(b -> b.transactItems(actions).clientRequestToken(token));
        assertThat(get(t, item("pk", "counter"))).isEqualTo(item("pk", "counter", "n", 1));
        ddb.transactWriteItems(b ->
                b.transactItems(actions).clientRequestToken(UUID.randomUUID().toString()));
        assertThat(get(t, item("pk", "counter"))).isEqualTo(item("pk", "counter", "n", 2));
    }

    @Test
    @Diverges(
            target = AwsTarget.MOTO,
            reason =
                    "moto applies a different TransactWriteItems sent with a used ClientRequestToken ; AWS: IdempotentParameterMismatchException")
    void aRepeatedTokenWithADifferentRequestIsIdempotentParameterMismatch() {
        String t = table("tx", false);
        String token = UUID.randomUUID().toString();
        ddb.transactWriteItems(b ->
                b.transactItems(List.of(putAction(t, item("pk", "a", "v", 1)))).clientRequestToken(token));
        assertThatThrownBy(() ->
                        ddb.transactWriteItems(b -> b.transactItems(List.of(putAction(t, item("pk", "a", "v", 2))))
                                .clientRequestToken(token)))
                .isInstanceOf(IdempotentParameterMismatchException.class);
        assertThat(get(t, item("pk", "a"))).isEqualTo(item("pk", "a", "v", 1));
    }

    @Test
    void transactWritesSpanSeveralTables() {
        String one = table("tx", false);
        String two = table("tx", true);
        transact(List.of(putAction(one, item("pk", "a")), putAction(two, item("pk", "a", "sk", "1"))));
        assertThat(get(one, item("pk", "a"))).isNotNull();
        assertThat(get(two, item("pk", "a", "sk", "1"))).isNotNull();
    }

    @Test
    void aTransactWriteOnAMissingTableIsResourceNotFound() {
        assertThatThrownBy(() -> transact(List.of(putAction("no-such-table-tx", item("pk", "a")))))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void transactGetReturnsItemsInRequestOrderAndEmptyForMissingOnes() {
        String t = table("tx", false);
        put(t, item("pk", "a", "v", 1));
        put(t, item("pk", "c", "v", 3));
        List<ItemResponse> got = ddb.transactGetItems(
                        b -> b.transactItems(getAction(t, "c"), getAction(t, "missing"), getAction(t, "a")))
                .responses();
        assertThat(got).hasSize(3);
        assertThat(got.get(0).item()).isEqualTo(item("pk", "c", "v", 3));
        assertThat(got.get(1).hasItem()).isFalse();
        assertThat(got.get(2).item()).isEqualTo(item("pk", "a", "v", 1));
    }

    @Test
    @Diverges(
            target = AwsTarget.MOTO,
            reason =
                    "moto ignores the ProjectionExpression of a TransactGetItems Get ; AWS: only the attributes named by ProjectionExpression are returned")
    void transactGetAppliesProjections() {
        String t = table("tx", false);
        put(t, item("pk", "a", "x", 1, "y", 2));
        TransactGetItem projected = TransactGetItem.builder()
                .get(g -> g.tableName(t).key(item("pk", "a")).projectionExpression("y"))
                .build();
        List<ItemResponse> got =
                ddb.transactGetItems(b -> b.transactItems(projected)).responses();
        assertThat(got.get(0).item()).isEqualTo(item("y", 2));
    }

    @Test
    void transactGetOfMoreThanAHundredItemsIsRefused() {
        String t = table("tx", false);
        List<TransactGetItem> gets = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            gets.add(getAction(t, "k" + i));
        }
        assertValidation(() -> ddb.transactGetItems(b -> b.transactItems(gets)));
    }

    private static TransactGetItem getAction(String t, String pk) {
        return TransactGetItem.builder()
                .get(g -> g.tableName(t).key(item("pk", pk)))
                .build();
    }
}
