package dev.drsorchestrator.devstack.conformance.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drsorchestrator.devstack.conformance.AwsTarget;
import dev.drsorchestrator.devstack.conformance.Diverges;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * What DynamoDB refuses in an expression: unused or undefined placeholders, bare reserved words, syntax errors, unknown
 * functions, functions out of place.
 */
@ParameterizedClass(name = "[{0}]")
@MethodSource("dev.drsorchestrator.devstack.conformance.Targets#dynamodb")
class ExpressionValidationConformanceTest extends DynamoDbConformance {

    private String t;

    @BeforeEach
    void oneItem() {
        t = table("exprv", false);
        put(t, item("pk", "a", "n", 1, "status", "on"));
    }

    private void scan(String filter, Map<String, String> names, Map<String, AttributeValue> values) {
        ScanRequest.Builder b = ScanRequest.builder().tableName(t).filterExpression(filter);
        if (!names.isEmpty()) {
            b.expressionAttributeNames(names);
        }
        if (!values.isEmpty()) {
            b.expressionAttributeValues(values);
        }
        ddb.scan(b.build());
    }

    @Test
    @Diverges(
            target = AwsTarget.MOTO,
            reason =
                    "moto accepts an ExpressionAttributeValues entry that no expression uses ; AWS: ValidationException 'Value provided in ExpressionAttributeValues unused in expressions'")
    void anUnusedExpressionAttributeValueIsRefused() {
        assertValidation(() -> scan("n = :a", Map.of(), item(":a", 1, ":unused", 2)), ":unused");
    }

    @Test
    void anUnusedExpressionAttributeNameIsRefused() {
        assertValidation(() -> scan("#a = :a", Map.of("#a", "n", "#idle", "x"), item(":a", 1)), "#idle");
    }

    @Test
    @Diverges(
            target = AwsTarget.MOTO,
            reason =
                    "moto fails with HTTP 500 on an expression using an undefined :placeholder ; AWS: ValidationException naming the undefined expression attribute value")
    void anUndefinedValuePlaceholderIsRefused() {
        assertValidation(() -> scan("n = :a OR n = :nope", Map.of(), item(":a", 1)), ":nope");
    }

    @Test
    @Diverges(
            target = AwsTarget.MOTO,
            reason =
                    "moto fails with HTTP 500 on an expression using an undefined #placeholder ; AWS: ValidationException naming the undefined expression attribute name")
    void anUndefinedNamePlaceholderIsRefused() {
        assertValidation(() -> scan("#nope = :a", Map.of(), item(":a", 1)), "#nope");
    }

    @Test
    void aReservedWordUsedBareIsRefused() {
        assertValidation(() -> scan("status = :on", Map.of(), item(":on", "on")), "status");
    }

    @Test
    void aReservedWordBehindANamePlaceholderIsAccepted() {
        var r = ddb.scan(b -> b.tableName(t)
                .filterExpression("#s = :on")
                .expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(item(":on", "on")));
        assertThat(r.count()).isEqualTo(1);
    }

    @Test
    void aReservedWordInAProjectionIsRefused() {
        assertValidation(
                () -> ddb.getItem(b -> b.tableName(t).key(item("pk", "a")).projectionExpression("status")), "status");
    }

    @Test
    void aSyntaxErrorIsRefused() {
        assertValidation(() -> scan("n = = :a", Map.of(), item(":a", 1)));
        assertValidation(() -> scan("n = :a AND", Map.of(), item(":a", 1)));
    }

    @Test
    void unbalancedParenthesesAreRefused() {
        assertValidation(() -> scan("(n = :a", Map.of(), item(":a", 1)));
        assertValidation(() -> scan("n = :a)", Map.of(), item(":a", 1)));
    }

    @Test
    void anUnknownFunctionIsRefused() {
        assertValidation(() -> scan("frobnicate(n)", Map.of(), Map.of()));
    }

    @Test
    void aFunctionWithTheWrongNumberOfArgumentsIsRefused() {
        assertValidation(() -> scan("begins_with(n)", Map.of(), Map.of()));
    }

    @Test
    void ifNotExistsOutsideAnUpdateExpressionIsRefused() {
        assertValidation(() -> scan("if_not_exists(n, :a) = :a", Map.of(), item(":a", 1)));
    }

    @Test
    @Diverges(
            target = AwsTarget.MOTO,
            reason =
                    "moto evaluates attribute_type(n, :t) with :t = NUMBER as false ; AWS: the type parameter must be one of S, SS, N, NS, B, BS, BOOL, NULL, L, M")
    void attributeTypeWithAnUnknownTypeIsRefused() {
        assertValidation(() -> scan("attribute_type(n, :t)", Map.of(), item(":t", "NUMBER")));
    }

    @Test
    @Diverges(
            target = AwsTarget.MOTO,
            reason =
                    "moto evaluates IN with 101 operands ; AWS: the maximum number of operands for the IN comparator is 100")
    void inTakesAtMostAHundredValues() {
        StringBuilder hundred = new StringBuilder("n IN (");
        Map<String, AttributeValue> values = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 100; i++) {
            hundred.append(i == 0 ? "" : ", ").append(":v").append(i);
            values.put(":v" + i, n(i));
        }
        scan(hundred + ")", Map.of(), values);
        values.put(":v100", n(100));
        assertValidation(() -> scan(hundred + ", :v100)", Map.of(), values));
    }

    /** AWS's quotas: "The maximum length of any expression string is 4 KB" (a=b is 3 bytes). One operator here. */
    @Test
    @Diverges(
            target = AwsTarget.MOTO,
            reason =
                    "moto evaluates a FilterExpression of 4104 bytes ; AWS: the maximum length of any expression string is 4 KB")
    void anExpressionLongerThanFourKilobytesIsRefused() {
        String longName = "x".repeat(4100);
        assertValidation(() -> scan(longName + " = :a", Map.of(), item(":a", 1)));
    }

    /** AWS's quotas: an expression attribute name or value is at most 255 bytes (#name is 5 bytes). */
    @Test
    @Diverges(
            target = AwsTarget.MOTO,
            reason =
                    "moto accepts an expression attribute value name of 301 bytes ; AWS: the maximum length of any single expression attribute name or value is 255 bytes")
    void aPlaceholderLongerThan255BytesIsRefused() {
        String longValue = ":" + "v".repeat(300);
        assertValidation(() -> scan("n = " + longValue, Map.of(), item(longValue, 1)));
    }

    @Test
    void anUndefinedPlaceholderInAnUpdateChangesNothing() {
        assertValidation(
                () -> ddb.updateItem(b -> b.tableName(t).key(item("pk", "a")).updateExpression("SET n = :missing")),
                ":missing");
        assertThat(get(t, item("pk", "a"))).isEqualTo(item("pk", "a", "n", 1, "status", "on"));
    }

    @Test
    @Diverges(
            target = AwsTarget.MOTO,
            reason =
                    "moto accepts an ExpressionAttributeValues entry that no expression uses ; AWS: ValidationException 'Value provided in ExpressionAttributeValues unused in expressions'")
    void anUnusedValueInAConditionalWriteChangesNothing() {
        assertValidation(
                () -> ddb.putItem(b -> b.tableName(t)
                        .item(item("pk", "a", "n", 2))
                        .conditionExpression("n = :one")
                        .expressionAttributeValues(item(":one", 1, ":unused", 2))),
                ":unused");
        assertThat(get(t, item("pk", "a"))).isEqualTo(item("pk", "a", "n", 1, "status", "on"));
    }
}
