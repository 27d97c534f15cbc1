package dev.drsorchestrator.devstack.conformance.dynamodb;

import dev.drsorchestrator.devstack.conformance.AwsTarget;
import dev.drsorchestrator.devstack.conformance.Diverges;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.params.Parameter;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * What every DynamoDB conformance class shares: the target it runs against (a parameter of the class), a client of it,
 * fresh uniquely named tables per case (dropped afterwards), and the skip of cases where the target is a known
 * divergence from AWS ({@link Diverges}). Concrete classes are
 * {@code @ParameterizedClass @MethodSource("dev.drsorchestrator.devstack.conformance.Targets#dynamodb")}.
 */
abstract class DynamoDbConformance {
    @Parameter
    AwsTarget target;

    DynamoDbClient ddb;
    private final List<String> created = new ArrayList<>();

    @BeforeEach
    final void connect(TestInfo info) {
        info.getTestMethod().ifPresent(m -> {
            for (Diverges d : m.getAnnotationsByType(Diverges.class)) {
                Assumptions.assumeFalse(target.is(d.target()), () -> target + " diverges from AWS here: " + d.reason());
            }
        });
        ddb = target.dynamodb();
    }

    @AfterEach
    final void dropTables() {
        for (String name : created) {
            try {
                ddb.deleteTable(b -> b.tableName(name));
            } catch (ResourceNotFoundException gone) {
                // the case deleted it itself
            }
        }
        created.clear();
    }

    /** A unique table name with this prefix, dropped after the case. */
    String name(String prefix) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        created.add(name);
        return name;
    }

    /** Creates an on-demand table with a string hash key {@code pk} (and a string range key {@code sk} if asked). */
    String table(String prefix, boolean withRange) {
        String name = name(prefix);
        CreateTableRequest.Builder b =
                CreateTableRequest.builder().tableName(name).billingMode("PAY_PER_REQUEST");
        List<KeySchemaElement> keys = new ArrayList<>();
        List<AttributeDefinition> attrs = new ArrayList<>();
        keys.add(KeySchemaElement.builder()
                .attributeName("pk")
                .keyType(KeyType.HASH)
                .build());
        attrs.add(AttributeDefinition.builder()
                .attributeName("pk")
                .attributeType("S")
                .build());
        if (withRange) {
            keys.add(KeySchemaElement.builder()
                    .attributeName("sk")
                    .keyType(KeyType.RANGE)
                    .build());
            attrs.add(AttributeDefinition.builder()
                    .attributeName("sk")
                    .attributeType("S")
                    .build());
        }
        ddb.createTable(b.keySchema(keys).attributeDefinitions(attrs).build());
        return name;
    }
}
