package dev.drsorchestrator.plan.adapter.out.dynamodb;

import static dev.drsorchestrator.kit.dynamo.Items.n;
import static dev.drsorchestrator.kit.dynamo.Items.s;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.drsorchestrator.contracts.ids.AccountId;
import dev.drsorchestrator.contracts.model.SecurityGroupInfo;
import dev.drsorchestrator.contracts.model.SubnetInfo;
import dev.drsorchestrator.kit.dynamo.Items;
import dev.drsorchestrator.kit.dynamo.Transactions;
import dev.drsorchestrator.plan.config.PlanConfig;
import dev.drsorchestrator.plan.domain.ConsumedEvent;
import dev.drsorchestrator.plan.domain.NetworkInventory;
import dev.drsorchestrator.plan.domain.NetworkScope;
import dev.drsorchestrator.plan.domain.NetworkView;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The network read model: one item per account and Region ({@code NETWORK#<account>#<region>} in the catalog
 * table) with its subnets and security groups as JSON, written only over an older sync ({@code syncedAtMillis}), so
 * late and repeated events change nothing.
 */
@ApplicationScoped
class DynamoNetworkView implements NetworkView {

    private static final TypeReference<List<SubnetInfo>> SUBNETS = new TypeReference<>() {};
    private static final TypeReference<List<SecurityGroupInfo>> SECURITY_GROUPS = new TypeReference<>() {};

    private final DynamoDbClient dynamo;
    private final Transactions transactions;
    private final String table;

    DynamoNetworkView(DynamoDbClient dynamo, Transactions transactions, PlanConfig config) {
        this.dynamo = dynamo;
        this.transactions = transactions;
        this.table = config.tables().catalog();
    }

    static String key(NetworkScope scope) {
        return "NETWORK#" + scope.accountId().value() + "#" + scope.region();
    }

    @Override
    public Map<NetworkScope, NetworkInventory> networks(Collection<NetworkScope> scopes) {
        Map<NetworkScope, NetworkInventory> found = new LinkedHashMap<>();
        List<Map<String, AttributeValue>> keys = scopes.stream()
                .distinct()
                .map(scope -> Map.of("pk", s(key(scope))))
                .toList();
        Items.batchGet(dynamo, table, keys).stream()
                .map(DynamoNetworkView::inventory)
                .forEach(n -> found.put(n.scope(), n));
        return found;
    }

    @Override
    public void applyNetwork(NetworkInventory inventory, ConsumedEvent consumed) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s(key(inventory.scope())));
        item.put("accountId", s(inventory.scope().accountId().value()));
        item.put("region", s(inventory.scope().region()));
        item.put("syncedAt", s(inventory.syncedAt().toString()));
        item.put("syncedAtMillis", n(inventory.syncedAt().toEpochMilli()));
        item.put("subnets", s(PlanJson.write(inventory.subnets())));
        item.put("securityGroups", s(PlanJson.write(inventory.securityGroups())));
        Consumed.writeIfCurrent(
                transactions,
                "network",
                TransactWriteItem.builder()
                        .put(Put.builder()
                                .tableName(table)
                                .item(item)
                                .conditionExpression("attribute_not_exists(pk) OR syncedAtMillis <= :at")
                                .expressionAttributeValues(
                                        Map.of(":at", n(inventory.syncedAt().toEpochMilli())))
                                .build())
                        .build(),
                consumed);
    }

    static NetworkInventory inventory(Map<String, AttributeValue> item) {
        return new NetworkInventory(
                new NetworkScope(AccountId.of(Items.requiredStr(item, "accountId")), Items.requiredStr(item, "region")),
                Instant.parse(Items.requiredStr(item, "syncedAt")),
                PlanJson.read(Items.requiredStr(item, "subnets"), SUBNETS),
                PlanJson.read(Items.requiredStr(item, "securityGroups"), SECURITY_GROUPS));
    }
}
