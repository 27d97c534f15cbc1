package dev.drsorchestrator.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drsorchestrator.devstack.testing.DevstackExtension;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** DynamoDB through devstack's edge. SQS's half of the smoke test is {@link SqsSmokeTest}, which runs on every target. */
@ExtendWith(DevstackExtension.class)
class SmokeTest {
    @Test
    void dynamoDbAnswersThroughTheEdge(Devstack devstack) {
        Clients c = new Clients(devstack);
        DynamoDbClient ddb = c.dynamodb();
        ddb.createTable(b -> b.tableName("smoke")
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                .billingMode("PAY_PER_REQUEST"));
        ddb.putItem(b ->
                b.tableName("smoke").item(Map.of("pk", AttributeValue.fromS("a"), "v", AttributeValue.fromS("1"))));
        assertThat(ddb.getItem(b -> b.tableName("smoke").key(Map.of("pk", AttributeValue.fromS("a"))))
                        .item()
                        .get("v")
                        .s())
                .isEqualTo("1");
    }

    @Test
    void dynamoDbErrorsReachTheSdkAsItsOwnExceptions(Devstack devstack) {
        Clients c = new Clients(devstack);
        devstack.reset();
        DynamoDbClient ddb = c.dynamodb();
        ddb.createTable(b -> b.tableName("versions")
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                .billingMode("PAY_PER_REQUEST"));
        Map<String, AttributeValue> item =
                Map.of("pk", AttributeValue.fromS("plan-1"), "version", AttributeValue.fromN("1"));
        ddb.putItem(b -> b.tableName("versions").item(item).conditionExpression("attribute_not_exists(pk)"));
        assertThatThrownBy(() -> ddb.putItem(
                        b -> b.tableName("versions").item(item).conditionExpression("attribute_not_exists(pk)")))
                .isInstanceOf(ConditionalCheckFailedException.class);
    }
}
