package dev.drsorchestrator.devstack.dynamodb;

import dev.drsorchestrator.devstack.http.AwsServiceException;

/**
 * DynamoDB's errors as AWS raises them: every client error is HTTP 400 with the exception's name in {@code __type},
 * so the SDK throws its own typed exception ({@code ConditionalCheckFailedException}, {@code ResourceNotFoundException}
 * …). Messages follow AWS's wording where it is documented or well known.
 */
public final class DynamoErrors {
    private DynamoErrors() {}

    public static AwsServiceException validation(String message) {
        return new AwsServiceException(400, "ValidationException", message);
    }

    /** AWS's prefix for a bad parameter value: "One or more parameter values were invalid: …". */
    public static AwsServiceException invalidParameter(String message) {
        return validation("One or more parameter values were invalid: " + message);
    }

    /** A bad expression, named as AWS names it: "Invalid UpdateExpression: …". */
    public static AwsServiceException invalidExpression(String expression, String message) {
        return validation("Invalid " + expression + ": " + message);
    }

    /** Refuses the pre-expression parameters devstack does not emulate, naming the first one present. */
    public static void rejectLegacy(com.fasterxml.jackson.databind.JsonNode request, String... parameters) {
        for (String name : parameters) {
            if (request.has(name)) {
                throw validation("devstack's DynamoDB does not support the legacy parameter " + name + "; use the"
                        + " expression parameters (ConditionExpression, UpdateExpression, KeyConditionExpression,"
                        + " FilterExpression, ProjectionExpression)");
            }
        }
    }

    public static AwsServiceException serialization(String message) {
        return new AwsServiceException(400, "SerializationException", message);
    }

    public static AwsServiceException tableNotFound(String table) {
        return new AwsServiceException(
                400, "ResourceNotFoundException", "Requested resource not found: Table: " + table + " not found");
    }

    /** What item operations answer for a missing table (AWS gives no table name there). */
    public static AwsServiceException resourceNotFound() {
        return new AwsServiceException(400, "ResourceNotFoundException", "Requested resource not found");
    }

    public static AwsServiceException inUse(String message) {
        return new AwsServiceException(400, "ResourceInUseException", message);
    }

    public static AwsServiceException conditionalCheckFailed() {
        return new AwsServiceException(400, "ConditionalCheckFailedException", "The conditional request failed");
    }

    public static AwsServiceException keyMismatch() {
        return validation("The provided key element does not match the schema");
    }

    public static AwsServiceException unknownOperation(String operation) {
        return new AwsServiceException(
                400,
                "UnknownOperationException",
                "devstack's DynamoDB does not implement " + operation
                        + "; see docs/devstack.md for the operations it emulates");
    }
}
