package dev.drsorchestrator.catalog.adapter.out.dynamodb;

import static dev.drsorchestrator.kit.dynamo.Items.n;
import static dev.drsorchestrator.kit.dynamo.Items.s;

import dev.drsorchestrator.catalog.config.CatalogConfig;
import dev.drsorchestrator.catalog.domain.ConsumedEvent;
import dev.drsorchestrator.catalog.domain.NetworkInventory;
import dev.drsorchestrator.catalog.domain.NetworkStore;
import dev.drsorchestrator.catalog.domain.Scope;
import dev.drsorchestrator.kit.dynamo.Items;
import dev.drsorchestrator.kit.dynamo.Transaction;
import dev.drsorchestrator.kit.dynamo.TransactionFailed;
import dev.drsorchestrator.kit.dynamo.Transactions;
import dev.drsorchestrator.kit.events.Delivery;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Network inventories in the groups table, one item per account and Region ({@code NETWORK}/{@code <account>#<region>}),
 * replaced only by a later sync; the consumed event is recorded in the same transaction.
 */
@ApplicationScoped
class DynamoNetworkStore implements NetworkStore {

    static final String PK = "NETWORK";
    private static final String WRITE = "network";

    private final DynamoDbClient dynamo;
    private final Transactions transactions;
    private final String table;

    DynamoNetworkStore(DynamoDbClient dynamo, Transactions transactions, CatalogConfig config) {
        this.dynamo = dynamo;
        this.transactions = transactions;
        this.table = config.tables().groups();
    }

    private static Map<String, AttributeValue> key(Scope scope) {
        return Map.of("pk", s(PK), "sk", s(scope.key()));
    }

    @Override
    public Optional<NetworkInventory> find(Scope scope) {
        Map<String, AttributeValue> item = dynamo.getItem(
                        r -> r.tableName(table).key(key(scope)).consistentRead(true))
                .item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        LaunchJson.StoredNetwork stored =
                LaunchJson.read(Items.requiredStr(item, "network"), LaunchJson.StoredNetwork.class);
        return Optional.of(new NetworkInventory(
                scope,
                Instant.parse(Items.requiredStr(item, "syncedAtText")),
                stored.subnets(),
                stored.securityGroups(),
                stored.instanceTypes()));
    }

    @Override
    public void apply(NetworkInventory network, ConsumedEvent consumed) {
        Delivery delivery = new Delivery(consumed.eventId(), consumed.detailType(), 1);
        Map<String, AttributeValue> item = new HashMap<>(key(network.scope()));
        item.put("syncedAt", n(network.syncedAt().toEpochMilli()));
        item.put("syncedAtText", s(network.syncedAt().toString()));
        item.put(
                "network",
                s(LaunchJson.write(new LaunchJson.StoredNetwork(
                        network.subnets(), network.securityGroups(), network.instanceTypes()))));
        Transaction tx = new Transaction()
                .write(
                        WRITE,
                        TransactWriteItem.builder()
                                .put(Put.builder()
                                        .tableName(table)
                                        .item(item)
                                        .conditionExpression("attribute_not_exists(#pk) OR #synced < :synced")
                                        .expressionAttributeNames(Map.of("#pk", "pk", "#synced", "syncedAt"))
                                        .expressionAttributeValues(Map.of(
                                                ":synced", n(network.syncedAt().toEpochMilli())))
                                        .build())
                                .build())
                .markProcessed(delivery);
        try {
            transactions.commit(tx);
        } catch (TransactionFailed e) {
            if (!e.failed(WRITE)) {
                throw e;
            }
            // a sync at least as recent is stored: only record that this one was seen
            transactions.commit(new Transaction().markProcessed(delivery));
        }
    }
}
