package dev.drsorchestrator.devstack.conformance.dynamodb;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * A table definition for {@link DynamoDbConformance#create}: key schema, global and local secondary indexes, billing
 * mode. Attribute definitions are derived from the keys (each attribute once).
 */
final class TableSpec {
    private KeySchemaElement hash;
    private KeySchemaElement range;
    private final Map<String, ScalarAttributeType> types = new LinkedHashMap<>();
    private final List<GlobalSecondaryIndex> gsis = new ArrayList<>();
    private final List<LocalSecondaryIndex> lsis = new ArrayList<>();
    private ProvisionedThroughput provisioned;

    static TableSpec hash(String name, ScalarAttributeType type) {
        TableSpec spec = new TableSpec();
        spec.hash = key(name, KeyType.HASH);
        spec.types.put(name, type);
        return spec;
    }

    TableSpec range(String name, ScalarAttributeType type) {
        range = key(name, KeyType.RANGE);
        types.put(name, type);
        return this;
    }

    /** A global secondary index; {@code rangeName} may be null; {@code nonKey} only for INCLUDE. */
    TableSpec gsi(
            String index,
            String hashName,
            ScalarAttributeType hashType,
            String rangeName,
            ScalarAttributeType rangeType,
            ProjectionType projection,
            String... nonKey) {
        List<KeySchemaElement> keys = new ArrayList<>();
        keys.add(key(hashName, KeyType.HASH));
        types.put(hashName, hashType);
        if (rangeName != null) {
            keys.add(key(rangeName, KeyType.RANGE));
            types.put(rangeName, rangeType);
        }
        GlobalSecondaryIndex.Builder b = GlobalSecondaryIndex.builder()
                .indexName(index)
                .keySchema(keys)
                .projection(projection(projection, nonKey));
        if (provisioned != null) {
            b.provisionedThroughput(provisioned);
        }
        gsis.add(b.build());
        return this;
    }

    /** A local secondary index on the table's hash key and {@code rangeName}. */
    TableSpec lsi(
            String index,
            String rangeName,
            ScalarAttributeType rangeType,
            ProjectionType projection,
            String... nonKey) {
        List<KeySchemaElement> keys = new ArrayList<>();
        keys.add(key(hash.attributeName(), KeyType.HASH));
        keys.add(key(rangeName, KeyType.RANGE));
        types.put(rangeName, rangeType);
        lsis.add(LocalSecondaryIndex.builder()
                .indexName(index)
                .keySchema(keys)
                .projection(projection(projection, nonKey))
                .build());
        return this;
    }

    /** PROVISIONED billing with these capacities (call before adding global indexes). */
    TableSpec provisioned(long read, long write) {
        provisioned = ProvisionedThroughput.builder()
                .readCapacityUnits(read)
                .writeCapacityUnits(write)
                .build();
        return this;
    }

    CreateTableRequest request(String tableName) {
        List<KeySchemaElement> keys = new ArrayList<>();
        keys.add(hash);
        if (range != null) {
            keys.add(range);
        }
        List<AttributeDefinition> attrs = new ArrayList<>();
        types.forEach((n, t) -> attrs.add(
                AttributeDefinition.builder().attributeName(n).attributeType(t).build()));
        CreateTableRequest.Builder b = CreateTableRequest.builder()
                .tableName(tableName)
                .keySchema(keys)
                .attributeDefinitions(attrs);
        if (provisioned != null) {
            b.billingMode(BillingMode.PROVISIONED).provisionedThroughput(provisioned);
        } else {
            b.billingMode(BillingMode.PAY_PER_REQUEST);
        }
        if (!gsis.isEmpty()) {
            b.globalSecondaryIndexes(gsis);
        }
        if (!lsis.isEmpty()) {
            b.localSecondaryIndexes(lsis);
        }
        return b.build();
    }

    static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    static Projection projection(ProjectionType type, String... nonKey) {
        Projection.Builder p = Projection.builder().projectionType(type);
        if (nonKey.length > 0) {
            p.nonKeyAttributes(List.of(nonKey));
        }
        return p.build();
    }
}
