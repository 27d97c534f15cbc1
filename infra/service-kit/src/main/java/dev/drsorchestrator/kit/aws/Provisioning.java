package dev.drsorchestrator.kit.aws;

import dev.drsorchestrator.contracts.routing.RuleDefinition;
import dev.drsorchestrator.contracts.routing.Service;
import dev.drsorchestrator.kit.dynamo.TableSpec;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Creating what a service needs, the same way everywhere it is not deployed by infra/aws: the provisioner in dev
 * and test, and tests that stand up a deployment's resources on devstack. Every call is idempotent.
 */
public final class Provisioning {

    private Provisioning() {}

    /** Creates the table with its indexes and TTL unless it exists; waits until it is active. */
    public static void createTable(DynamoDbClient dynamo, TableSpec spec) {
        try {
            dynamo.describeTable(r -> r.tableName(spec.name()));
            return;
        } catch (ResourceNotFoundException missing) {
            // create it below
        }
        Set<String> keys = new LinkedHashSet<>();
        keys.add(spec.hashKey());
        if (spec.rangeKey() != null) {
            keys.add(spec.rangeKey());
        }
        List<GlobalSecondaryIndex> indexes = new ArrayList<>();
        for (TableSpec.Index index : spec.indexes()) {
            keys.add(index.hashKey());
            if (index.rangeKey() != null) {
                keys.add(index.rangeKey());
            }
            indexes.add(GlobalSecondaryIndex.builder()
                    .indexName(index.name())
                    .keySchema(keySchema(index.hashKey(), index.rangeKey()))
                    .projection(Projection.builder()
                            .projectionType(ProjectionType.ALL)
                            .build())
                    .build());
        }
        try {
            dynamo.createTable(r -> {
                r.tableName(spec.name())
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .keySchema(keySchema(spec.hashKey(), spec.rangeKey()))
                        .attributeDefinitions(keys.stream()
                                .map(k -> AttributeDefinition.builder()
                                        .attributeName(k)
                                        .attributeType(ScalarAttributeType.S)
                                        .build())
                                .toList());
                if (!indexes.isEmpty()) {
                    r.globalSecondaryIndexes(indexes);
                }
            });
        } catch (ResourceInUseException raced) {
            return;
        }
        dynamo.waiter().waitUntilTableExists(r -> r.tableName(spec.name()));
        if (spec.ttlAttribute() != null) {
            dynamo.updateTimeToLive(r -> r.tableName(spec.name())
                    .timeToLiveSpecification(t -> t.enabled(true).attributeName(spec.ttlAttribute())));
        }
    }

    private static List<KeySchemaElement> keySchema(String hash, String range) {
        List<KeySchemaElement> schema = new ArrayList<>();
        schema.add(KeySchemaElement.builder()
                .attributeName(hash)
                .keyType(KeyType.HASH)
                .build());
        if (range != null) {
            schema.add(KeySchemaElement.builder()
                    .attributeName(range)
                    .keyType(KeyType.RANGE)
                    .build());
        }
        return schema;
    }

    /**
     * Creates the dead-letter queue ({@code <inbox>-dlq}), then the inbox with its redrive policy (maxReceiveCount
     * {@link Service#MAX_RECEIVE_COUNT}); returns the inbox's ARN.
     */
    public static String createInbox(SqsClient sqs, String inbox, int visibilityTimeoutSeconds) {
        String dlqUrl = sqs.createQueue(r -> r.queueName(inbox + "-dlq")).queueUrl();
        String dlqArn = arnOf(sqs, dlqUrl);
        String redrive = "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\""
                + Service.MAX_RECEIVE_COUNT + "\"}";
        String url = sqs.createQueue(r -> r.queueName(inbox)
                        .attributes(Map.of(
                                QueueAttributeName.REDRIVE_POLICY,
                                redrive,
                                QueueAttributeName.VISIBILITY_TIMEOUT,
                                Integer.toString(visibilityTimeoutSeconds))))
                .queueUrl();
        return arnOf(sqs, url);
    }

    private static String arnOf(SqsClient sqs, String queueUrl) {
        return sqs.getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes()
                .get(QueueAttributeName.QUEUE_ARN);
    }

    /** Creates the bus unless it exists, and puts each rule with the queue as its one target. */
    public static void createBusAndRules(
            EventBridgeClient eventBridge, String busName, List<RuleDefinition> rules, String queueArn) {
        try {
            eventBridge.createEventBus(r -> r.name(busName));
        } catch (ResourceAlreadyExistsException exists) {
            // fine
        }
        for (RuleDefinition rule : rules) {
            eventBridge.putRule(r -> r.name(rule.name())
                    .eventBusName(rule.eventBusName())
                    .eventPattern(rule.eventPattern())
                    .description(rule.description()));
            eventBridge.putTargets(r -> r.rule(rule.name())
                    .eventBusName(rule.eventBusName())
                    .targets(Target.builder().id("inbox").arn(queueArn).build()));
        }
    }
}
