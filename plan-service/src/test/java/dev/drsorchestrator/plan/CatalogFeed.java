package dev.drsorchestrator.plan;

import static org.awaitility.Awaitility.await;

import dev.drsorchestrator.contracts.events.catalog.ProtectionGroupCreated;
import dev.drsorchestrator.contracts.events.catalog.ProtectionGroupDeleted;
import dev.drsorchestrator.contracts.events.catalog.ProtectionGroupUpdated;
import dev.drsorchestrator.contracts.events.drs.NetworkInventoryChanged;
import dev.drsorchestrator.contracts.events.drs.SourceServerInventoryChanged;
import dev.drsorchestrator.contracts.events.drs.SourceServerState;
import dev.drsorchestrator.contracts.ids.AccountId;
import dev.drsorchestrator.contracts.ids.ProtectionGroupId;
import dev.drsorchestrator.contracts.ids.SourceServerId;
import dev.drsorchestrator.contracts.model.InventorySyncType;
import dev.drsorchestrator.contracts.model.LaunchSettings;
import dev.drsorchestrator.contracts.model.ProtectionGroupChangeReason;
import dev.drsorchestrator.contracts.model.ReplicationState;
import dev.drsorchestrator.contracts.model.SecurityGroupInfo;
import dev.drsorchestrator.contracts.model.ServerLaunchSettings;
import dev.drsorchestrator.contracts.model.SubnetInfo;
import dev.drsorchestrator.kit.testing.EventBus;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Plays catalog-service and drs-adapter for plan-service's tests: puts their events on the bus and waits until
 * plan-service's read model holds them.
 */
final class CatalogFeed {

    static final String ACCOUNT = "111122223333";
    static final String REGION = "us-east-1";
    private static final AtomicLong NEXT = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    private final EventBus bus;
    private final DynamoDbClient dynamo;
    private final SqsClient sqs;

    CatalogFeed(EventBus bus, DynamoDbClient dynamo, SqsClient sqs) {
        this.bus = bus;
        this.dynamo = dynamo;
        this.sqs = sqs;
    }

    static SourceServerId server() {
        return SourceServerId.of(String.format("s-%017x", NEXT.incrementAndGet() * 7919L));
    }

    static List<SourceServerId> servers(int n) {
        return java.util.stream.IntStream.range(0, n).mapToObj(i -> server()).toList();
    }

    /** A new group with these members, known to plan-service when this returns. */
    ProtectionGroupId group(String name, SourceServerId... members) {
        ProtectionGroupId id = ProtectionGroupId.of("pg-" + UUID.randomUUID());
        bus.put(
                new ProtectionGroupCreated(
                        id,
                        name,
                        null,
                        AccountId.of(ACCOUNT),
                        REGION,
                        null,
                        Arrays.asList(members),
                        Map.of(),
                        Arrays.asList(members),
                        1),
                id.value());
        awaitGroup(id, 1);
        return id;
    }

    void update(ProtectionGroupId id, String name, long version, SourceServerId... members) {
        replay(id, name, version, members);
        awaitGroup(id, version);
    }

    /** Puts a group update on the bus and waits until plan-service's inbox has handled it (whatever it did). */
    void replay(ProtectionGroupId id, String name, long version, SourceServerId... members) {
        bus.put(
                new ProtectionGroupUpdated(
                        id,
                        name,
                        null,
                        AccountId.of(ACCOUNT),
                        REGION,
                        null,
                        Arrays.asList(members),
                        Map.of(),
                        Arrays.asList(members),
                        List.of(),
                        ProtectionGroupChangeReason.USER_UPDATE,
                        version),
                id.value());
        awaitInboxDrained();
    }

    /** Every message in plan-service's inbox handled: none waiting, none in flight. */
    void awaitInboxDrained() {
        String url = sqs.getQueueUrl(r -> r.queueName("plan-service-events")).queueUrl();
        await().atMost(Duration.ofSeconds(15)).pollDelay(Duration.ofMillis(300)).until(() -> {
            Map<QueueAttributeName, String> a = sqs.getQueueAttributes(r -> r.queueUrl(url)
                            .attributeNames(
                                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                    .attributes();
            return "0".equals(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                    && "0".equals(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
        });
    }

    void delete(ProtectionGroupId id, String name, long version) {
        bus.put(new ProtectionGroupDeleted(id, name, AccountId.of(ACCOUNT), REGION, version), id.value());
        await().atMost(Duration.ofSeconds(15))
                .until(() -> Boolean.TRUE.equals(
                        item("GROUP#" + id.value()).get("deleted").bool()));
    }

    /** An inventory sync reporting these servers CONTINUOUS with the given lag (seconds). */
    void replicating(long lagSeconds, SourceServerId... servers) {
        Instant now = Instant.now();
        List<SourceServerState> states = Arrays.stream(servers)
                .map(s -> new SourceServerState(
                        s,
                        "host-" + s.value().substring(12),
                        Map.of(),
                        ReplicationState.CONTINUOUS,
                        lagSeconds,
                        "READY_FOR_RECOVERY",
                        null,
                        null,
                        now))
                .toList();
        sync(now, states);
    }

    /**
     * A new group of {@code account}/{@code region} with launch settings (the group's, and {@code overrides} for some
     * of its servers), known to plan-service when this returns.
     */
    ProtectionGroupId group(
            String name,
            AccountId account,
            String region,
            LaunchSettings settings,
            List<ServerLaunchSettings> overrides,
            SourceServerId... members) {
        ProtectionGroupId id = ProtectionGroupId.of("pg-" + UUID.randomUUID());
        bus.put(
                new ProtectionGroupCreated(
                        id,
                        name,
                        null,
                        account,
                        region,
                        null,
                        Arrays.asList(members),
                        Map.of(),
                        Arrays.asList(members),
                        1,
                        settings,
                        overrides),
                id.value());
        awaitGroup(id, 1);
        return id;
    }

    /** catalog-service's update of a group's launch settings (members unchanged), applied when this returns. */
    void updateSettings(
            ProtectionGroupId id,
            String name,
            long version,
            AccountId account,
            String region,
            LaunchSettings settings,
            SourceServerId... members) {
        bus.put(
                new ProtectionGroupUpdated(
                        id,
                        name,
                        null,
                        account,
                        region,
                        null,
                        Arrays.asList(members),
                        Map.of(),
                        Arrays.asList(members),
                        List.of(),
                        ProtectionGroupChangeReason.USER_UPDATE,
                        version,
                        settings,
                        List.of()),
                id.value());
        awaitGroup(id, version);
    }

    /** An inventory sync reporting each server CONTINUOUS and what it would launch with now. */
    void launching(Map<SourceServerId, LaunchSettings> observed) {
        Instant now = Instant.now();
        List<SourceServerState> states = observed.entrySet().stream()
                .map(e -> new SourceServerState(
                        e.getKey(),
                        "host-" + e.getKey().value().substring(12),
                        Map.of(),
                        ReplicationState.CONTINUOUS,
                        5L,
                        "READY_FOR_RECOVERY",
                        null,
                        null,
                        now,
                        null,
                        null,
                        null,
                        e.getValue()))
                .toList();
        sync(now, states);
    }

    /** One inventory sync of these servers at {@code now}, stored by plan-service when this returns. */
    private void sync(Instant now, List<SourceServerState> states) {
        bus.put(
                new SourceServerInventoryChanged(
                        AccountId.of(ACCOUNT),
                        REGION,
                        InventorySyncType.PARTIAL,
                        "sync-" + UUID.randomUUID(),
                        1,
                        1,
                        now,
                        states),
                "inventory");
        for (SourceServerState state : states) {
            await().atMost(Duration.ofSeconds(15))
                    .until(() -> now.toString()
                            .equals(item("SERVER#" + state.sourceServerId().value())
                                    .getOrDefault("syncedAt", AttributeValue.fromS(""))
                                    .s()));
        }
    }

    /** drs-adapter's network sync of {@code account}/{@code region}, stored by plan-service when this returns. */
    void network(
            AccountId account,
            String region,
            Instant syncedAt,
            List<SubnetInfo> subnets,
            List<SecurityGroupInfo> securityGroups) {
        replayNetwork(account, region, syncedAt, subnets, securityGroups);
        await().atMost(Duration.ofSeconds(15))
                .until(() -> syncedAt.toString()
                        .equals(networkItem(account, region)
                                .getOrDefault("syncedAt", AttributeValue.fromS(""))
                                .s()));
    }

    /** Puts a network sync on the bus and waits until plan-service's inbox has handled it (whatever it did). */
    void replayNetwork(
            AccountId account,
            String region,
            Instant syncedAt,
            List<SubnetInfo> subnets,
            List<SecurityGroupInfo> securityGroups) {
        bus.put(
                new NetworkInventoryChanged(account, region, syncedAt, subnets, securityGroups, List.of("m5.large")),
                "network-" + account.value());
        awaitInboxDrained();
    }

    /** plan-service's stored network of {@code account}/{@code region} (empty when none). */
    Map<String, AttributeValue> networkItem(AccountId account, String region) {
        return item("NETWORK#" + account.value() + "#" + region);
    }

    private void awaitGroup(ProtectionGroupId id, long version) {
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            AttributeValue v = item("GROUP#" + id.value()).get("version");
            return v != null && Long.parseLong(v.n()) >= version;
        });
    }

    private Map<String, AttributeValue> item(String pk) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName("plan-catalog")
                        .key(Map.of("pk", AttributeValue.fromS(pk)))
                        .consistentRead(true))
                .item();
        return item == null ? Map.of() : item;
    }
}
