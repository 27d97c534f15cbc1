package dev.drsorchestrator.devstack.conformance.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drsorchestrator.devstack.conformance.AwsTarget;
import dev.drsorchestrator.devstack.conformance.Diverges;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ListTablesResponse;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/** CreateTable (keys, indexes, billing modes, bad definitions), DescribeTable, ListTables, DeleteTable. */
@ParameterizedClass(name = "[{0}]")
@MethodSource("dev.drsorchestrator.devstack.conformance.Targets#dynamodb")
class TablesConformanceTest extends DynamoDbConformance {

    @Test
    void aCreatedTableIsDescribedActiveWithItsKeySchema() {
        String name = table("tables", true);
        var t = ddb.describeTable(b -> b.tableName(name)).table();
        assertThat(t.tableStatus()).isEqualTo(TableStatus.ACTIVE);
        assertThat(t.keySchema()).extracting(k -> k.attributeName()).containsExactly("pk", "sk");
        assertThat(t.itemCount()).isZero();
    }

    @Test
    void creatingATableTwiceIsResourceInUse() {
        String name = table("tables", false);
        assertThatThrownBy(() -> ddb.createTable(TableSpec.hash("pk", S).request(name)))
                .isInstanceOf(ResourceInUseException.class);
    }

    @Test
    void describingAMissingTableIsResourceNotFound() {
        assertThatThrownBy(() -> ddb.describeTable(b -> b.tableName("no-such-table-here")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void createTableAnswersWithTheNewTablesNameKeysAndArn() {
        String name = name("tables");
        TableDescription t = ddb.createTable(
                        TableSpec.hash("id", N).range("at", B).request(name))
                .tableDescription();
        assertThat(t.tableName()).isEqualTo(name);
        assertThat(t.tableArn()).startsWith("arn:aws:dynamodb:").endsWith(":table/" + name);
        assertThat(t.keySchema())
                .containsExactly(TableSpec.key("id", KeyType.HASH), TableSpec.key("at", KeyType.RANGE));
        assertThat(t.attributeDefinitions())
                .extracting(AttributeDefinition::attributeName, a -> a.attributeTypeAsString())
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("id", "N"), org.assertj.core.groups.Tuple.tuple("at", "B"));
        awaitActive(name);
    }

    @Test
    void payPerRequestIsDescribedAsSuch() {
        String name = table("tables", false);
        var t = ddb.describeTable(b -> b.tableName(name)).table();
        assertThat(t.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
    }

    @Test
    void provisionedTableIsDescribedWithItsThroughput() {
        String name = create("tables", TableSpec.hash("pk", S).provisioned(5, 7));
        var t = ddb.describeTable(b -> b.tableName(name)).table();
        assertThat(t.provisionedThroughput().readCapacityUnits()).isEqualTo(5L);
        assertThat(t.provisionedThroughput().writeCapacityUnits()).isEqualTo(7L);
    }

    @Test
    void payPerRequestWithProvisionedThroughputIsRefused() {
        CreateTableRequest r = TableSpec.hash("pk", S).request(name("tables")).toBuilder()
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .provisionedThroughput(ProvisionedThroughput.builder()
                        .readCapacityUnits(1L)
                        .writeCapacityUnits(1L)
                        .build())
                .build();
        assertValidation(() -> ddb.createTable(r));
    }

    @Test
    void provisionedWithoutThroughputIsRefused() {
        CreateTableRequest r = TableSpec.hash("pk", S).request(name("tables")).toBuilder()
                .billingMode(BillingMode.PROVISIONED)
                .build();
        assertValidation(() -> ddb.createTable(r));
    }

    @Test
    void aKeyAttributeWithoutADefinitionIsRefused() {
        CreateTableRequest r = TableSpec.hash("pk", S).request(name("tables")).toBuilder()
                .keySchema(TableSpec.key("pk", KeyType.HASH), TableSpec.key("sk", KeyType.RANGE))
                .build();
        assertValidation(() -> ddb.createTable(r));
    }

    @Test
    void aDefinitionNoKeyUsesIsRefused() {
        CreateTableRequest r = TableSpec.hash("pk", S).request(name("tables")).toBuilder()
                .attributeDefinitions(
                        AttributeDefinition.builder()
                                .attributeName("pk")
                                .attributeType("S")
                                .build(),
                        AttributeDefinition.builder()
                                .attributeName("unused")
                                .attributeType("S")
                                .build())
                .build();
        assertValidation(() -> ddb.createTable(r));
    }

    @Test
    @Diverges(
            target = AwsTarget.MOTO,
            reason =
                    "moto creates a table whose KeySchema has two HASH elements ; AWS: a key schema has exactly one HASH element (and at most one RANGE)")
    void twoHashKeysAreRefused() {
        CreateTableRequest r = TableSpec.hash("pk", S).range("sk", S).request(name("tables")).toBuilder()
                .keySchema(TableSpec.key("pk", KeyType.HASH), TableSpec.key("sk", KeyType.HASH))
                .build();
        assertValidation(() -> ddb.createTable(r));
    }

    @Test
    @Diverges(
            target = AwsTarget.MOTO,
            reason = "moto accepts AttributeType BOOL for a key ; AWS: a key attribute's AttributeType is S, N or B")
    void aKeyOfTypeBoolIsRefused() {
        CreateTableRequest r = TableSpec.hash("pk", S).request(name("tables")).toBuilder()
                .attributeDefinitions(AttributeDefinition.builder()
                        .attributeName("pk")
                        .attributeType("BOOL")
                        .build())
                .build();
        assertValidation(() -> ddb.createTable(r));
    }

    @Test
    @Diverges(
            target = AwsTarget.MOTO,
            reason = "moto creates a table named 'ab' ; AWS: table names are 3 to 255 characters long")
    void aTableNameOfTwoCharactersIsRefused() {
        assertValidation(() -> ddb.createTable(TableSpec.hash("pk", S).request("ab")));
    }

    @Test
    @Diverges(
            target = AwsTarget.MOTO,
            reason =
                    "moto creates a local secondary index on a table without a sort key ; AWS: a table with local secondary indexes must have a composite primary key")
    void aLocalIndexOnATableWithoutRangeKeyIsRefused() {
        TableSpec spec = TableSpec.hash("pk", S).lsi("byOther", "other", S, ProjectionType.ALL);
        assertValidation(() -> ddb.createTable(spec.request(name("tables"))));
    }

    @Test
    @Diverges(
            target = AwsTarget.MOTO,
            reason =
                    "moto creates a local secondary index whose partition key differs from the table's ; AWS: a local secondary index has the same partition key as its table")
    void aLocalIndexWithAnotherHashKeyIsRefused() {
        CreateTableRequest r = TableSpec.hash("pk", S)
                .range("sk", S)
                .lsi("byOther", "other", S, ProjectionType.ALL)
                .request(name("tables"));
        List<KeySchemaElement> otherHash =
                List.of(TableSpec.key("other", KeyType.HASH), TableSpec.key("sk", KeyType.RANGE));
        CreateTableRequest bad = r.toBuilder()
                .localSecondaryIndexes(r.localSecondaryIndexes().get(0).toBuilder()
                        .keySchema(otherHash)
                        .build())
                .build();
        assertValidation(() -> ddb.createTable(bad));
    }

    @Test
    void indexesAreDescribedWithTheirKeysAndProjections() {
        String name = create(
                "tables",
                TableSpec.hash("pk", S)
                        .range("sk", S)
                        .gsi("gKeys", "g1", S, null, null, ProjectionType.KEYS_ONLY)
                        .gsi("gInclude", "g2", S, "g2r", N, ProjectionType.INCLUDE, "title", "owner")
                        .gsi("gAll", "g3", N, null, null, ProjectionType.ALL)
                        .lsi("lAll", "l1", S, ProjectionType.ALL)
                        .lsi("lKeys", "l2", N, ProjectionType.KEYS_ONLY));
        var t = ddb.describeTable(b -> b.tableName(name)).table();

        Map<String, GlobalSecondaryIndexDescription> gsis = t.globalSecondaryIndexes().stream()
                .collect(Collectors.toMap(GlobalSecondaryIndexDescription::indexName, g -> g));
        assertThat(gsis).containsOnlyKeys("gKeys", "gInclude", "gAll");
        assertThat(gsis.get("gKeys").projection().projectionType()).isEqualTo(ProjectionType.KEYS_ONLY);
        assertThat(gsis.get("gKeys").keySchema()).containsExactly(TableSpec.key("g1", KeyType.HASH));
        assertThat(gsis.get("gInclude").projection().projectionType()).isEqualTo(ProjectionType.INCLUDE);
        assertThat(gsis.get("gInclude").projection().nonKeyAttributes()).containsExactlyInAnyOrder("title", "owner");
        assertThat(gsis.get("gInclude").keySchema())
                .containsExactly(TableSpec.key("g2", KeyType.HASH), TableSpec.key("g2r", KeyType.RANGE));
        assertThat(gsis.get("gAll").projection().projectionType()).isEqualTo(ProjectionType.ALL);
        assertThat(gsis.values()).allSatisfy(g -> assertThat(g.indexStatus()).isEqualTo(IndexStatus.ACTIVE));

        Map<String, LocalSecondaryIndexDescription> lsis = t.localSecondaryIndexes().stream()
                .collect(Collectors.toMap(LocalSecondaryIndexDescription::indexName, l -> l));
        assertThat(lsis).containsOnlyKeys("lAll", "lKeys");
        assertThat(lsis.get("lAll").keySchema())
                .containsExactly(TableSpec.key("pk", KeyType.HASH), TableSpec.key("l1", KeyType.RANGE));
        assertThat(lsis.get("lAll").projection().projectionType()).isEqualTo(ProjectionType.ALL);
        assertThat(lsis.get("lKeys").projection().projectionType()).isEqualTo(ProjectionType.KEYS_ONLY);
    }

    /** AWS refreshes ItemCount about every six hours; the local targets are awaited for a few seconds only. */
    @Test
    void itemCountCountsTheItemsWritten() {
        String name = table("tables", false);
        for (int i = 0; i < 3; i++) {
            put(name, item("pk", "k" + i));
        }
        ddb.deleteItem(b -> b.tableName(name).key(item("pk", "k0")));
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(ddb.describeTable(b -> b.tableName(name))
                                .table()
                                .itemCount())
                        .isEqualTo(2L));
    }

    @Test
    void listTablesPagesThroughEveryTableExactlyOnce() {
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            mine.add(table("list", false));
        }
        List<String> seen = new ArrayList<>();
        String start = null;
        for (int page = 0; page < 1000; page++) {
            String from = start;
            ListTablesResponse r = ddb.listTables(b -> b.limit(2).exclusiveStartTableName(from));
            assertThat(r.tableNames()).hasSizeLessThanOrEqualTo(2);
            seen.addAll(r.tableNames());
            start = r.lastEvaluatedTableName();
            if (start == null) {
                break;
            }
            assertThat(start)
                    .as("LastEvaluatedTableName is the last name of its page")
                    .isEqualTo(r.tableNames().get(r.tableNames().size() - 1));
        }
        assertThat(seen).containsAll(mine);
        assertThat(seen).doesNotHaveDuplicates();
    }

    @Test
    void listTablesWithALimitStopsWithLastEvaluatedTableName() {
        table("list", false);
        table("list", false);
        ListTablesResponse r = ddb.listTables(b -> b.limit(1));
        assertThat(r.tableNames()).hasSize(1);
        assertThat(r.lastEvaluatedTableName()).isEqualTo(r.tableNames().get(0));
        ListTablesResponse next = ddb.listTables(b -> b.limit(1).exclusiveStartTableName(r.lastEvaluatedTableName()));
        assertThat(next.tableNames()).hasSize(1).doesNotContain(r.tableNames().get(0));
    }

    @Test
    void aDeletedTableIsGoneForDescribeAndItemOperations() {
        String name = table("tables", false);
        put(name, item("pk", "a"));
        TableDescription d = ddb.deleteTable(b -> b.tableName(name)).tableDescription();
        assertThat(d.tableName()).isEqualTo(name);
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThatThrownBy(() -> ddb.describeTable(b -> b.tableName(name)))
                        .isInstanceOf(ResourceNotFoundException.class));
        assertThatThrownBy(() -> ddb.getItem(b -> b.tableName(name).key(item("pk", "a"))))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThat(ddb.listTables().tableNames()).doesNotContain(name);
    }

    @Test
    void deletingAMissingTableIsResourceNotFound() {
        assertThatThrownBy(() -> ddb.deleteTable(b -> b.tableName("no-such-table-" + System.nanoTime())))
                .isInstanceOf(ResourceNotFoundException.class);
    }
}
