package dev.drsorchestrator.catalog.adapter.out.dynamodb;

import static dev.drsorchestrator.kit.dynamo.Items.n;
import static dev.drsorchestrator.kit.dynamo.Items.s;

import dev.drsorchestrator.catalog.config.CatalogConfig;
import dev.drsorchestrator.catalog.domain.ConsumedEvent;
import dev.drsorchestrator.catalog.domain.PlanUsageStore;
import dev.drsorchestrator.contracts.ids.PlanId;
import dev.drsorchestrator.contracts.ids.ProtectionGroupId;
import dev.drsorchestrator.kit.dynamo.Items;
import dev.drsorchestrator.kit.dynamo.Transaction;
import dev.drsorchestrator.kit.dynamo.TransactionFailed;
import dev.drsorchestrator.kit.dynamo.Transactions;
import dev.drsorchestrator.kit.events.Delivery;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Plan usage in DynamoDB: one meta item per plan (its last applied version and groups; kept as a tombstone after a
 * delete so that a late update cannot bring the plan back) and one item per group and plan for the "in use" lookup.
 */
@ApplicationScoped
class DynamoPlanUsageStore implements PlanUsageStore {

    private static final String META = "META";
    private static final String PLAN_META = "plan-meta";

    private final DynamoDbClient dynamo;
    private final Transactions transactions;
    private final String table;

    DynamoPlanUsageStore(DynamoDbClient dynamo, Transactions transactions, CatalogConfig config) {
        this.dynamo = dynamo;
        this.transactions = transactions;
        this.table = config.tables().planUsage();
    }

    @Override
    public void apply(
            PlanId planId,
            String planName,
            long version,
            Set<ProtectionGroupId> groups,
            boolean deleted,
            ConsumedEvent consumed) {
        Map<String, AttributeValue> metaKey = Map.of("pk", s("PLAN#" + planId.value()), "sk", s(META));
        Map<String, AttributeValue> meta = dynamo.getItem(
                        r -> r.tableName(table).key(metaKey).consistentRead(true))
                .item();
        boolean exists = meta != null && !meta.isEmpty();
        long applied = exists ? Items.num(meta, "version", -1) : -1;
        Transaction tx = new Transaction().markProcessed(new Delivery(consumed.eventId(), consumed.detailType(), 1));
        if (version <= applied) {
            transactions.commit(tx);
            return;
        }
        Set<String> before = exists ? new LinkedHashSet<>(Items.strList(meta, "groups")) : Set.of();
        Set<String> after = new LinkedHashSet<>();
        groups.forEach(g -> after.add(g.value()));
        Map<String, AttributeValue> newMeta = new java.util.HashMap<>(metaKey);
        newMeta.put("version", n(version));
        newMeta.put("name", s(planName));
        newMeta.put("groups", Items.strings(List.copyOf(after)));
        newMeta.put("deleted", Items.bool(deleted));
        tx.write(
                PLAN_META,
                TransactWriteItem.builder()
                        .put(Put.builder()
                                .tableName(table)
                                .item(newMeta)
                                .conditionExpression(exists ? "#v = :applied" : "attribute_not_exists(pk)")
                                .expressionAttributeNames(exists ? Map.of("#v", "version") : null)
                                .expressionAttributeValues(exists ? Map.of(":applied", n(applied)) : null)
                                .build())
                        .build());
        for (String group : before) {
            if (!after.contains(group)) {
                tx.write(
                        "unuse:" + group,
                        TransactWriteItem.builder()
                                .delete(Delete.builder()
                                        .tableName(table)
                                        .key(usageKey(group, planId))
                                        .build())
                                .build());
            }
        }
        for (String group : after) {
            Map<String, AttributeValue> item = new java.util.HashMap<>(usageKey(group, planId));
            item.put("planName", s(planName));
            tx.write(
                    "use:" + group,
                    TransactWriteItem.builder()
                            .put(Put.builder().tableName(table).item(item).build())
                            .build());
        }
        try {
            transactions.commit(tx);
        } catch (TransactionFailed e) {
            if (e.failed(PLAN_META) || e.conflict()) {
                throw new IllegalStateException(
                        "plan " + planId + " changed while its usage was applied; the event is retried", e);
            }
            throw e;
        }
    }

    private static Map<String, AttributeValue> usageKey(String group, PlanId plan) {
        return Map.of("pk", s("GROUP#" + group), "sk", s("PLAN#" + plan.value()));
    }

    @Override
    public List<PlanRef> plansUsing(ProtectionGroupId group) {
        List<PlanRef> plans = new ArrayList<>();
        dynamo.queryPaginator(q -> q.tableName(table)
                        .keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", s("GROUP#" + group.value())))
                        .consistentRead(true))
                .items()
                .forEach(i -> plans.add(new PlanRef(
                        PlanId.of(i.get("sk").s().substring("PLAN#".length())),
                        i.get("planName").s())));
        return plans;
    }
}
