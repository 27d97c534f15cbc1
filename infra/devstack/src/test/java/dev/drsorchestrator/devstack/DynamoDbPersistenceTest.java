package dev.drsorchestrator.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/** devstack's DynamoDB with {@code --data-dir}: tables, items, indexes and TTL settings survive a restart. */
class DynamoDbPersistenceTest {
    @TempDir
    Path dir;

    private static Map<String, AttributeValue> item(String pk, String group, String v) {
        return Map.of(
                "pk", AttributeValue.fromS(pk), "group", AttributeValue.fromS(group), "v", AttributeValue.fromS(v));
    }

    private static void createTable(DynamoDbClient ddb) {
        ddb.createTable(b -> b.tableName("kept")
                .billingMode("PAY_PER_REQUEST")
                .keySchema(KeySchemaElement.builder()
                        .attributeName("pk")
                        .keyType(KeyType.HASH)
                        .build())
                .attributeDefinitions(List.of(
                        AttributeDefinition.builder()
                                .attributeName("pk")
                                .attributeType("S")
                                .build(),
                        AttributeDefinition.builder()
                                .attributeName("group")
                                .attributeType("S")
                                .build()))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder()
                        .indexName("by-group")
                        .keySchema(KeySchemaElement.builder()
                                .attributeName("group")
                                .keyType(KeyType.HASH)
                                .build())
                        .projection(p -> p.projectionType(ProjectionType.ALL))
                        .build()));
        ddb.updateTimeToLive(b ->
                b.tableName("kept").timeToLiveSpecification(t -> t.enabled(true).attributeName("expiresAt")));
    }

    @Test
    void tablesItemsIndexesAndTtlSurviveARestart() {
        DevstackConfig config = DevstackConfig.forTests().withDataDir(dir);
        try (Devstack first = Devstack.start(config)) {
            DynamoDbClient ddb = new Clients(first).dynamodb();
            createTable(ddb);
            ddb.putItem(b -> b.tableName("kept").item(item("a", "g1", "1")));
            ddb.putItem(b -> b.tableName("kept").item(item("b", "g1", "1")));
            ddb.transactWriteItems(b -> b.transactItems(
                    TransactWriteItem.builder()
                            .put(p -> p.tableName("kept").item(item("c", "g2", "3")))
                            .build(),
                    TransactWriteItem.builder()
                            .update(u -> u.tableName("kept")
                                    .key(Map.of("pk", AttributeValue.fromS("a")))
                                    .updateExpression("SET v = :v")
                                    .expressionAttributeValues(Map.of(":v", AttributeValue.fromS("2"))))
                            .build()));
            ddb.deleteItem(b -> b.tableName("kept").key(Map.of("pk", AttributeValue.fromS("b"))));
        }
        try (Devstack second = Devstack.start(config)) {
            DynamoDbClient ddb = new Clients(second).dynamodb();
            assertThat(ddb.describeTable(b -> b.tableName("kept")).table().itemCount())
                    .isEqualTo(2);
            assertThat(ddb.getItem(b -> b.tableName("kept").key(Map.of("pk", AttributeValue.fromS("a"))))
                            .item())
                    .isEqualTo(item("a", "g1", "2"));
            assertThat(ddb.getItem(b -> b.tableName("kept").key(Map.of("pk", AttributeValue.fromS("b"))))
                            .hasItem())
                    .isFalse();
            assertThat(ddb.query(b -> b.tableName("kept")
                                    .indexName("by-group")
                                    .keyConditionExpression("#g = :g")
                                    .expressionAttributeNames(Map.of("#g", "group"))
                                    .expressionAttributeValues(Map.of(":g", AttributeValue.fromS("g2"))))
                            .items())
                    .containsExactly(item("c", "g2", "3"));
            assertThat(ddb.describeTimeToLive(b -> b.tableName("kept"))
                            .timeToLiveDescription()
                            .timeToLiveStatus())
                    .isEqualTo(TimeToLiveStatus.ENABLED);
        }
    }

    @Test
    void aLineTornByACrashIsDroppedAndTheRestIsKept() throws IOException {
        DevstackConfig config = DevstackConfig.forTests().withDataDir(dir);
        try (Devstack first = Devstack.start(config)) {
            DynamoDbClient ddb = new Clients(first).dynamodb();
            createTable(ddb);
            ddb.putItem(b -> b.tableName("kept").item(item("a", "g1", "1")));
        }
        Files.writeString(
                dir.resolve("dynamodb").resolve("dynamodb.jsonl"),
                "{\"op\":\"put\",\"table\":\"kept\",\"item\":{\"pk\":{\"S\":\"to",
                StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        try (Devstack second = Devstack.start(config)) {
            DynamoDbClient ddb = new Clients(second).dynamodb();
            assertThat(ddb.scan(b -> b.tableName("kept")).items()).containsExactly(item("a", "g1", "1"));
        }
    }

    @Test
    void twoDevstacksCannotShareADataDirectory() {
        DevstackConfig config = DevstackConfig.forTests().withDataDir(dir);
        try (Devstack first = Devstack.start(config)) {
            assertThat(first.port()).isPositive();
            assertThatThrownBy(() -> Devstack.start(config))
                    .hasMessageContaining("another devstack is using the DynamoDB data directory");
        }
    }
}
