package dev.drsorchestrator.kit.aws;

import dev.drsorchestrator.contracts.routing.RoutingTable;
import dev.drsorchestrator.contracts.routing.RuleDefinition;
import dev.drsorchestrator.contracts.routing.Service;
import dev.drsorchestrator.kit.config.KitConfig;
import dev.drsorchestrator.kit.dynamo.KitTables;
import dev.drsorchestrator.kit.dynamo.ServiceTables;
import dev.drsorchestrator.kit.dynamo.TableDefinition;
import dev.drsorchestrator.kit.dynamo.TableSpec;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;
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
 * In dev and test ({@code kit.provision=true}): creates what the service needs when it is missing — its tables
 * (plus outbox and processed-events), its inbox queue with a dead-letter queue (maxReceiveCount 5), the project bus
 * and the rules that feed the inbox, all from the same definitions {@code infra/aws} deploys. Idempotent.
 */
@ApplicationScoped
public class Provisioner {

    private static final Logger LOG = Logger.getLogger(Provisioner.class);

    private final KitConfig config;
    private final DynamoDbClient dynamo;
    private final SqsClient sqs;
    private final EventBridgeClient eventBridge;
    private final Instance<ServiceTables> serviceTables;
    private final Config settings;

    Provisioner(
            KitConfig config,
            Config settings,
            DynamoDbClient dynamo,
            SqsClient sqs,
            EventBridgeClient eventBridge,
            Instance<ServiceTables> serviceTables) {
        this.config = config;
        this.dynamo = dynamo;
        this.sqs = sqs;
        this.eventBridge = eventBridge;
        this.serviceTables = serviceTables;
        this.settings = settings;
    }

    void onStart(@Observes @Priority(100) StartupEvent event) {
        if (config.provision()) {
            provision();
        }
    }

    /** Every table of this service, its own and the kit's. */
    public List<TableSpec> tables() {
        List<TableDefinition> definitions = new ArrayList<>();
        serviceTables.forEach(t -> definitions.addAll(t.definitions()));
        definitions.addAll(KitTables.definitions(config.serviceName()));
        // Each under the name its property has here (its default unless the profile or environment sets one).
        return definitions.stream()
                .map(d -> d.named(settings.getValue(d.property(), String.class)))
                .toList();
    }

    public void provision() {
        tables().forEach(this::createTable);
        String queueArn = createQueues();
        createRules(queueArn);
        LOG.infof(
                "provisioned tables, %s (+ dead-letter queue) and rules",
                config.inbox().queue());
    }

    private void createTable(TableSpec spec) {
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

    /** Creates the dead-letter queue, then the inbox with its redrive policy; returns the inbox's ARN. */
    private String createQueues() {
        String inbox = config.inbox().queue();
        String dlqUrl = sqs.createQueue(r -> r.queueName(inbox + "-dlq")).queueUrl();
        String dlqArn = arnOf(dlqUrl);
        String redrive = "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\""
                + Service.MAX_RECEIVE_COUNT + "\"}";
        String url = sqs.createQueue(r -> r.queueName(inbox)
                        .attributes(Map.of(
                                QueueAttributeName.REDRIVE_POLICY,
                                redrive,
                                QueueAttributeName.VISIBILITY_TIMEOUT,
                                Integer.toString(config.inbox().visibilityTimeoutSeconds()))))
                .queueUrl();
        return arnOf(url);
    }

    private String arnOf(String queueUrl) {
        return sqs.getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes()
                .get(QueueAttributeName.QUEUE_ARN);
    }

    private void createRules(String queueArn) {
        try {
            eventBridge.createEventBus(r -> r.name(config.busName()));
        } catch (ResourceAlreadyExistsException exists) {
            // fine
        }
        String prefix = config.rulePrefix().orElse(config.busName());
        for (RuleDefinition rule : RoutingTable.rules(config.busName(), prefix)) {
            if (!rule.targetQueueName().equals(config.inbox().queue())) {
                continue;
            }
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
