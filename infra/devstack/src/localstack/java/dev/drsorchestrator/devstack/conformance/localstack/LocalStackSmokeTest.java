package dev.drsorchestrator.devstack.conformance.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drsorchestrator.devstack.conformance.AwsTarget;
import dev.drsorchestrator.devstack.conformance.Targets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Testcontainers;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * LocalStack starts and answers the AWS SDK. Without a Docker engine, Testcontainers' extension reports the class as
 * disabled ("disabledWithoutDocker is true and Docker is not available").
 */
@Testcontainers(disabledWithoutDocker = true)
class LocalStackSmokeTest {
    @Test
    void localStackStartsAndListsItsDynamoDbTables() {
        AwsTarget localstack = Targets.dynamodb()
                .filter(t -> t.is(AwsTarget.LOCALSTACK))
                .findFirst()
                .orElseThrow();
        assertThat(localstack.endpoint().account()).isEqualTo(LocalStack.ACCOUNT);
        String table = "smoke-" + UUID.randomUUID().toString().substring(0, 8);
        try (DynamoDbClient ddb = localstack.dynamodb()) {
            ddb.createTable(b -> b.tableName(table)
                    .keySchema(KeySchemaElement.builder()
                            .attributeName("pk")
                            .keyType(KeyType.HASH)
                            .build())
                    .attributeDefinitions(AttributeDefinition.builder()
                            .attributeName("pk")
                            .attributeType(ScalarAttributeType.S)
                            .build())
                    .billingMode("PAY_PER_REQUEST"));
            assertThat(ddb.listTablesPaginator().tableNames()).contains(table);
            ddb.deleteTable(b -> b.tableName(table));
            assertThat(ddb.listTablesPaginator().tableNames()).doesNotContain(table);
        }
    }
}
