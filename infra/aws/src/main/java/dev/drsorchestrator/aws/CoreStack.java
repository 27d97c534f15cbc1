package dev.drsorchestrator.aws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drsorchestrator.contracts.EventCodec;
import dev.drsorchestrator.contracts.routing.RoutingTable;
import dev.drsorchestrator.contracts.routing.RuleDefinition;
import dev.drsorchestrator.contracts.routing.Service;
import dev.drsorchestrator.kit.config.KitConfig;
import dev.drsorchestrator.kit.dynamo.TableDefinition;
import dev.drsorchestrator.kit.dynamo.TableSpec;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.GlobalSecondaryIndexProps;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.ProjectionType;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.dynamodb.TableEncryption;
import software.amazon.awscdk.services.events.EventBus;
import software.amazon.awscdk.services.events.EventPattern;
import software.amazon.awscdk.services.events.IEventBus;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.targets.SqsQueue;
import software.amazon.awscdk.services.iam.AccountPrincipal;
import software.amazon.awscdk.services.iam.AnyPrincipal;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.scheduler.CfnScheduleGroup;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.amazon.awscdk.services.sqs.DeadLetterQueue;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/**
 * The recovery account's core: the data key, the project bus and every rule, each service's inbox queue with its
 * dead-letter queue, every table, the notification and operations topics, and the Scheduler group with the role
 * Scheduler assumes. Rules and tables come from {@link Deployment}, i.e. from the code.
 */
public final class CoreStack extends Stack {

    /** How long a message may wait in a dead-letter queue for someone to look at it (SQS's maximum). */
    static final Duration DEAD_LETTER_RETENTION = Duration.days(14);

    private final Deployment deployment;
    private final Key key;
    private final EventBus bus;
    private final Map<Service, Queue> inboxes = new EnumMap<>(Service.class);
    private final Map<Service, Queue> deadLetters = new EnumMap<>(Service.class);
    private final Map<Service, List<Table>> tables = new EnumMap<>(Service.class);
    private final Map<String, Rule> rules = new LinkedHashMap<>();
    private final Topic notifications;
    private final Topic operations;
    private final Role scheduleRole;

    public CoreStack(Construct scope, String id, StackProps props, Settings settings) {
        super(scope, id, props);
        this.deployment = settings.deployment();
        RemovalPolicy dataPolicy = settings.retainData() ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;

        key = Key.Builder.create(this, "DataKey")
                .alias("alias/" + deployment.prefix() + "/data")
                .description("DRS Orchestrator (" + deployment.prefix() + "): tables, queues and topics at rest")
                .enableKeyRotation(true)
                .removalPolicy(dataPolicy)
                .build();
        // EventBridge writes to the encrypted inboxes; CloudWatch alarms publish to the encrypted topics.
        for (String service : List.of("events.amazonaws.com", "cloudwatch.amazonaws.com")) {
            key.addToResourcePolicy(PolicyStatement.Builder.create()
                    .sid("Use by " + service)
                    .principals(List.of(new ServicePrincipal(service)))
                    .actions(List.of("kms:Decrypt", "kms:GenerateDataKey*"))
                    .resources(List.of("*"))
                    .conditions(Map.of("StringEquals", Map.of("aws:SourceAccount", getAccount())))
                    .build());
        }

        bus = EventBus.Builder.create(this, "Bus")
                .eventBusName(deployment.busName())
                .description("DRS Orchestrator's events (" + deployment.prefix() + ")")
                .build();
        allowMemberAccounts(settings);

        for (Service service : Service.values()) {
            createInbox(service);
            createTables(service, dataPolicy);
        }
        for (RuleDefinition definition : deployment.rules()) {
            createRule(definition);
        }
        for (Service service : Service.values()) {
            onlyItsRules(service);
        }

        notifications = Topic.Builder.create(this, "Notifications")
                .topicName(deployment.notificationsTopic())
                .displayName("DRS Orchestrator notifications")
                .masterKey(key)
                .enforceSsl(true)
                .build();
        operations = Topic.Builder.create(this, "Operations")
                .topicName(deployment.operationsTopic())
                .displayName("DRS Orchestrator operations alarms")
                .masterKey(key)
                .enforceSsl(true)
                .build();
        // enforceSsl replaces the topic's default policy; CloudWatch alarms of this account must still publish.
        operations.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("AlarmsOfThisAccount")
                .principals(List.of(new ServicePrincipal("cloudwatch.amazonaws.com")))
                .actions(List.of("sns:Publish"))
                .resources(List.of(operations.getTopicArn()))
                .conditions(Map.of("StringEquals", Map.of("aws:SourceAccount", getAccount())))
                .build());
        if (settings.alarmEmail() != null) {
            operations.addSubscription(new EmailSubscription(settings.alarmEmail()));
        }

        CfnScheduleGroup.Builder.create(this, "ScheduleGroup")
                .name(deployment.scheduleGroup())
                .build();
        scheduleRole = Role.Builder.create(this, "ScheduleRole")
                .description("Assumed by EventBridge Scheduler to put drill schedules' events on the bus")
                .assumedBy(new ServicePrincipal(
                        "scheduler.amazonaws.com",
                        software.amazon.awscdk.services.iam.ServicePrincipalOpts.builder()
                                .conditions(Map.of("StringEquals", Map.of("aws:SourceAccount", getAccount())))
                                .build()))
                .build();
        bus.grantPutEventsTo(scheduleRole);
    }

    /** Member accounts put their DRS events on the project bus: each listed account, or the whole organization. */
    private void allowMemberAccounts(Settings settings) {
        if (settings.organizationId() != null) {
            bus.addToResourcePolicy(PolicyStatement.Builder.create()
                    .sid("OrganizationForwardsDrsEvents")
                    .effect(Effect.ALLOW)
                    .principals(List.of(new AnyPrincipal()))
                    .actions(List.of("events:PutEvents"))
                    .resources(List.of(bus.getEventBusArn()))
                    .conditions(Map.of("StringEquals", Map.of("aws:PrincipalOrgID", settings.organizationId())))
                    .build());
        } else if (!settings.memberAccounts().isEmpty()) {
            bus.addToResourcePolicy(PolicyStatement.Builder.create()
                    .sid("MembersForwardDrsEvents")
                    .effect(Effect.ALLOW)
                    .principals(settings.memberAccounts().stream()
                            .map(a -> (software.amazon.awscdk.services.iam.IPrincipal) new AccountPrincipal(a))
                            .toList())
                    .actions(List.of("events:PutEvents"))
                    .resources(List.of(bus.getEventBusArn()))
                    .build());
        }
    }

    private void createInbox(Service service) {
        String id = Names.id(service.serviceName());
        Queue dlq = Queue.Builder.create(this, id + "DeadLetters")
                .queueName(deployment.deadLetterQueue(service))
                .encryption(QueueEncryption.KMS)
                .encryptionMasterKey(key)
                .enforceSsl(true)
                .retentionPeriod(DEAD_LETTER_RETENTION)
                .build();
        Queue inbox = Queue.Builder.create(this, id + "Inbox")
                .queueName(deployment.inboxQueue(service))
                .encryption(QueueEncryption.KMS)
                .encryptionMasterKey(key)
                .enforceSsl(true)
                .visibilityTimeout(Duration.seconds(KitConfig.Inbox.VISIBILITY_TIMEOUT_SECONDS))
                .deadLetterQueue(DeadLetterQueue.builder()
                        .queue(dlq)
                        .maxReceiveCount(Deployment.MAX_RECEIVE_COUNT)
                        .build())
                .build();
        inboxes.put(service, inbox);
        deadLetters.put(service, dlq);
    }

    private void createTables(Service service, RemovalPolicy dataPolicy) {
        List<Table> created = new ArrayList<>();
        for (TableDefinition definition : Deployment.tables(service)) {
            TableSpec spec = definition.spec();
            Table.Builder table = Table.Builder.create(this, Names.id(spec.name()) + "Table")
                    .tableName(deployment.tableName(definition))
                    .partitionKey(key(spec.hashKey()))
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .encryption(TableEncryption.CUSTOMER_MANAGED)
                    .encryptionKey(key)
                    .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder()
                            .pointInTimeRecoveryEnabled(true)
                            .build())
                    .deletionProtection(dataPolicy == RemovalPolicy.RETAIN)
                    .removalPolicy(dataPolicy);
            if (spec.rangeKey() != null) {
                table.sortKey(key(spec.rangeKey()));
            }
            if (spec.ttlAttribute() != null) {
                table.timeToLiveAttribute(spec.ttlAttribute());
            }
            Table built = table.build();
            for (TableSpec.Index index : spec.indexes()) {
                GlobalSecondaryIndexProps.Builder gsi = GlobalSecondaryIndexProps.builder()
                        .indexName(index.name())
                        .partitionKey(key(index.hashKey()))
                        .projectionType(ProjectionType.ALL);
                if (index.rangeKey() != null) {
                    gsi.sortKey(key(index.rangeKey()));
                }
                built.addGlobalSecondaryIndex(gsi.build());
            }
            created.add(built);
        }
        tables.put(service, List.copyOf(created));
    }

    private static Attribute key(String name) {
        return Attribute.builder().name(name).type(AttributeType.STRING).build();
    }

    private void createRule(RuleDefinition definition) {
        IEventBus target = definition.eventBusName().equals(RoutingTable.AWS_DEFAULT_BUS_NAME)
                ? EventBus.fromEventBusName(this, "DefaultBus" + rules.size(), RoutingTable.AWS_DEFAULT_BUS_NAME)
                : bus;
        Rule rule = Rule.Builder.create(this, Names.id(definition.name()) + "Rule")
                .ruleName(definition.name())
                .description(definition.description())
                .eventBus(target)
                .eventPattern(pattern(definition.eventPattern()))
                .build();
        rule.addTarget(SqsQueue.Builder.create(inboxes.get(Deployment.consumerOf(definition)))
                // What EventBridge cannot deliver after a day of retries goes to the same dead-letter queue as
                // what the service cannot process: one place to look (and alarm), and a redrive feeds it back.
                .deadLetterQueue(deadLetters.get(Deployment.consumerOf(definition)))
                .retryAttempts(185)
                .maxEventAge(Duration.hours(24))
                .build());
        rules.put(definition.name(), rule);
    }

    /**
     * CDK lets EventBridge send to an encrypted queue without naming the rule; this denies it for every rule but the
     * inbox's own, so no other rule (of any account) can write to it.
     */
    private void onlyItsRules(Service service) {
        List<String> own = new ArrayList<>();
        rules.forEach((name, rule) -> {
            if (deployment.rules().stream()
                    .anyMatch(d -> d.name().equals(name) && Deployment.consumerOf(d) == service)) {
                own.add(rule.getRuleArn());
            }
        });
        inboxes.get(service)
                .addToResourcePolicy(PolicyStatement.Builder.create()
                        .sid("OnlyItsOwnRules")
                        .effect(Effect.DENY)
                        .principals(List.of(new ServicePrincipal("events.amazonaws.com")))
                        .actions(List.of("sqs:SendMessage"))
                        .resources(List.of(inboxes.get(service).getQueueArn()))
                        .conditions(Map.of("ArnNotEquals", Map.of("aws:SourceArn", own)))
                        .build());
    }

    /** A routing-table pattern as CDK's: source and detail-type are the only fields the table uses. */
    static EventPattern pattern(String json) {
        JsonNode node = EventCodec.readTree(json);
        List<String> fields = new ArrayList<>();
        node.fieldNames().forEachRemaining(fields::add);
        if (!List.of("source", "detail-type").containsAll(fields)) {
            throw new IllegalStateException("the routing table's pattern " + json
                    + " has fields the CDK app does not translate; add them to CoreStack.pattern");
        }
        return EventPattern.builder()
                .source(strings(node.get("source")))
                .detailType(strings(node.get("detail-type")))
                .build();
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    public Deployment deployment() {
        return deployment;
    }

    public Key key() {
        return key;
    }

    public EventBus bus() {
        return bus;
    }

    public Queue inbox(Service service) {
        return inboxes.get(service);
    }

    public Queue deadLetters(Service service) {
        return deadLetters.get(service);
    }

    public List<Table> tables(Service service) {
        return tables.get(service);
    }

    public Map<String, Rule> rules() {
        return rules;
    }

    public Topic notifications() {
        return notifications;
    }

    public Topic operations() {
        return operations;
    }

    public Role scheduleRole() {
        return scheduleRole;
    }
}
