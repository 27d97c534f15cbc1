package dev.drsorchestrator.devstack.conformance.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.drsorchestrator.devstack.conformance.AwsTarget;
import dev.drsorchestrator.devstack.conformance.Diverges;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** Errors: ResourceNotFoundException on a missing table, ValidationException on bad input, the SDK's typed errors. */
@ParameterizedClass(name = "[{0}]")
@MethodSource("dev.drsorchestrator.devstack.conformance.Targets#dynamodb")
class ErrorsConformanceTest extends DynamoDbConformance {

    private static final String MISSING = "no-such-table-errors";

    private static void assertNotFound(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        ResourceNotFoundException e = catchThrowableOfType(ResourceNotFoundException.class, call);
        assertThat(e).as("ResourceNotFoundException").isNotNull();
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFoundException");
        assertThat(e.statusCode()).isEqualTo(400);
    }

    @Test
    void getItemOnAMissingTableIsResourceNotFound() {
        assertNotFound(() -> ddb.getItem(b -> b.tableName(MISSING).key(item("pk", "a"))));
    }

    @Test
    void putItemOnAMissingTableIsResourceNotFound() {
        assertNotFound(() -> put(MISSING, item("pk", "a")));
    }

    @Test
    void updateItemOnAMissingTableIsResourceNotFound() {
        assertNotFound(() -> ddb.updateItem(b -> b.tableName(MISSING)
                .key(item("pk", "a"))
                .updateExpression("SET v = :v")
                .expressionAttributeValues(item(":v", 1))));
    }

    @Test
    void deleteItemOnAMissingTableIsResourceNotFound() {
        assertNotFound(() -> ddb.deleteItem(b -> b.tableName(MISSING).key(item("pk", "a"))));
    }

    @Test
    void queryAndScanOnAMissingTableAreResourceNotFound() {
        assertNotFound(() -> ddb.query(b ->
                b.tableName(MISSING).keyConditionExpression("pk = :p").expressionAttributeValues(item(":p", "a"))));
        assertNotFound(() -> ddb.scan(b -> b.tableName(MISSING)));
    }

    @Test
    void aConditionFailureIsTheTypedExceptionWithItsCode() {
        String t = table("errors", false);
        put(t, item("pk", "a"));
        ConditionalCheckFailedException e = catchThrowableOfType(
                ConditionalCheckFailedException.class,
                () -> ddb.putItem(
                        b -> b.tableName(t).item(item("pk", "a")).conditionExpression("attribute_not_exists(pk)")));
        assertThat(e).isNotNull();
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ConditionalCheckFailedException");
        assertThat(e.statusCode()).isEqualTo(400);
    }

    @Test
    void aCancelledTransactionIsTheTypedExceptionWithItsCode() {
        String t = table("errors", false);
        put(t, item("pk", "a"));
        TransactionCanceledException e = catchThrowableOfType(
                TransactionCanceledException.class,
                () -> ddb.transactWriteItems(
                        b -> b.transactItems(List.of(TransactionsConformanceTest.putIfAbsent(t, item("pk", "a"))))));
        assertThat(e).isNotNull();
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("TransactionCanceledException");
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.hasCancellationReasons()).isTrue();
    }

    @Test
    @Diverges(
            target = AwsTarget.MOTO,
            reason =
                    "moto answers ResourceNotFoundException for the table name 'bad name!' ; AWS: TableName must match [a-zA-Z0-9_.-]+, and input failing a constraint is a ValidationException")
    void aTableNameWithForbiddenCharactersIsRefused() {
        assertValidation(() -> ddb.getItem(b -> b.tableName("bad name!").key(item("pk", "a"))));
    }

    @Test
    @Diverges(
            target = AwsTarget.MOTO,
            reason = "moto answers a Query with Limit 0 ; AWS: Limit has a minimum value of 1 (ValidationException)")
    void aQueryLimitOfZeroIsRefused() {
        String t = table("errors", false);
        assertValidation(() -> ddb.query(b -> b.tableName(t)
                .keyConditionExpression("pk = :p")
                .expressionAttributeValues(item(":p", "a"))
                .limit(0)));
    }

    @Test
    void anUnknownReturnValuesIsRefused() {
        String t = table("errors", false);
        assertValidation(
                () -> ddb.putItem(b -> b.tableName(t).item(item("pk", "a")).returnValues("SOMETIMES")));
        assertThat(get(t, item("pk", "a"))).isNull();
    }

    /** AWS documents ResourceNotFoundException for "a nonexistent table or index"; a ValidationException is seen too. */
    @Test
    void aScanOfAMissingIndexIsRefused() {
        String t = table("errors", false);
        DynamoDbException e = catchThrowableOfType(
                DynamoDbException.class, () -> ddb.scan(b -> b.tableName(t).indexName("noSuchIndex")));
        assertThat(e).as("refused").isNotNull();
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.awsErrorDetails().errorCode()).isIn("ValidationException", "ResourceNotFoundException");
    }
}
