package dev.drsorchestrator.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drsorchestrator.contracts.routing.Service;
import dev.drsorchestrator.kit.dynamo.TableDefinition;
import dev.drsorchestrator.kit.dynamo.TableSpec;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** Every table of every service, with its keys, indexes and TTL as the service defines it; PITR and KMS on. */
class TablesTest {

    private final Synthesized deployment = Synthesized.deployment();
    private final Template template = deployment.template(deployment.stacks.core());

    @Test
    void everyTableOfEveryServiceIsDeployedExactlyAsItsCodeDefinesIt() {
        int count = 0;
        for (Service service : Service.values()) {
            List<TableDefinition> tables = Deployment.tables(service);
            assertThat(tables).as(service + "'s kit tables").hasSizeGreaterThanOrEqualTo(4);
            for (TableDefinition table : tables) {
                TableSpec spec = table.spec();
                Map<String, Object> expected = new java.util.HashMap<>(Map.of(
                        "TableName", "drs-orchestrator-" + spec.name(),
                        "KeySchema", keys(spec.hashKey(), spec.rangeKey()),
                        "AttributeDefinitions", Match.arrayWith(attributes(spec)),
                        "BillingMode", "PAY_PER_REQUEST",
                        "PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true),
                        "SSESpecification",
                                Map.of("SSEEnabled", true, "SSEType", "KMS", "KMSMasterKeyId", Match.anyValue()),
                        "DeletionProtectionEnabled", true));
                if (spec.indexes().isEmpty()) {
                    expected.put("GlobalSecondaryIndexes", Match.absent());
                } else {
                    expected.put(
                            "GlobalSecondaryIndexes",
                            spec.indexes().stream()
                                    .map(i -> (Object) Map.of(
                                            "IndexName", i.name(),
                                            "KeySchema", keys(i.hashKey(), i.rangeKey()),
                                            "Projection", Map.of("ProjectionType", "ALL")))
                                    .toList());
                }
                expected.put(
                        "TimeToLiveSpecification",
                        spec.ttlAttribute() == null
                                ? Match.absent()
                                : Map.of("AttributeName", spec.ttlAttribute(), "Enabled", true));
                template.hasResourceProperties("AWS::DynamoDB::Table", Match.objectLike(expected));
                count++;
            }
        }
        template.resourceCountIs("AWS::DynamoDB::Table", count);
    }

    @Test
    void tablesAreKeptWhenTheStackIsDeleted() {
        template.allResources(
                "AWS::DynamoDB::Table",
                Match.objectLike(Map.of("DeletionPolicy", "Retain", "UpdateReplacePolicy", "Retain")));
    }

    private static List<Object> keys(String hash, String range) {
        List<Object> keys = new ArrayList<>();
        keys.add(Map.of("AttributeName", hash, "KeyType", "HASH"));
        if (range != null) {
            keys.add(Map.of("AttributeName", range, "KeyType", "RANGE"));
        }
        return keys;
    }

    private static List<Object> attributes(TableSpec spec) {
        Set<String> names = new LinkedHashSet<>();
        names.add(spec.hashKey());
        if (spec.rangeKey() != null) {
            names.add(spec.rangeKey());
        }
        for (TableSpec.Index i : spec.indexes()) {
            names.add(i.hashKey());
            if (i.rangeKey() != null) {
                names.add(i.rangeKey());
            }
        }
        return names.stream()
                .map(n -> (Object) Map.of("AttributeName", n, "AttributeType", "S"))
                .toList();
    }
}
