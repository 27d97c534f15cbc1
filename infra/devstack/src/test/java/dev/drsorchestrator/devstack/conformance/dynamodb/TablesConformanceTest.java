package dev.drsorchestrator.devstack.conformance.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/** CreateTable, DescribeTable, ListTables, DeleteTable. */
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
        assertThatThrownBy(() -> ddb.createTable(b -> b.tableName(name)
                        .billingMode("PAY_PER_REQUEST")
                        .keySchema(k -> k.attributeName("pk").keyType("HASH"))
                        .attributeDefinitions(a -> a.attributeName("pk").attributeType("S"))))
                .isInstanceOf(ResourceInUseException.class);
    }

    @Test
    void describingAMissingTableIsResourceNotFound() {
        assertThatThrownBy(() -> ddb.describeTable(b -> b.tableName("no-such-table-here")))
                .isInstanceOf(ResourceNotFoundException.class);
    }
}
