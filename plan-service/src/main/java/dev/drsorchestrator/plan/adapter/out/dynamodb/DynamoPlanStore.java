package dev.drsorchestrator.plan.adapter.out.dynamodb;

import static dev.drsorchestrator.kit.dynamo.Items.n;
import static dev.drsorchestrator.kit.dynamo.Items.s;

import dev.drsorchestrator.contracts.ids.PlanId;
import dev.drsorchestrator.kit.dynamo.Items;
import dev.drsorchestrator.kit.dynamo.Paging;
import dev.drsorchestrator.kit.dynamo.Transaction;
import dev.drsorchestrator.kit.dynamo.TransactionFailed;
import dev.drsorchestrator.kit.dynamo.Transactions;
import dev.drsorchestrator.plan.config.PlanConfig;
import dev.drsorchestrator.plan.domain.ListPage;
import dev.drsorchestrator.plan.domain.Outgoing;
import dev.drsorchestrator.plan.domain.PlanConflict;
import dev.drsorchestrator.plan.domain.PlanDefinition;
import dev.drsorchestrator.plan.domain.PlanStore;
import dev.drsorchestrator.plan.domain.RecoveryPlan;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/** Plans in DynamoDB: the plan item and its name claim change together, with the event, in one transaction. */
@ApplicationScoped
class DynamoPlanStore implements PlanStore {

    private static final String PLAN = "plan";
    private static final String NAME = "name-claim";
    private static final String OLD_NAME = "old-name-claim";

    private final DynamoDbClient dynamo;
    private final Transactions transactions;
    private final String table;

    DynamoPlanStore(DynamoDbClient dynamo, Transactions transactions, PlanConfig config) {
        this.dynamo = dynamo;
        this.transactions = transactions;
        this.table = config.tables().plans();
    }

    static Map<String, AttributeValue> planKey(PlanId id) {
        return Map.of("pk", s("PLAN#" + id.value()), "sk", s("PLAN"));
    }

    private static Map<String, AttributeValue> nameKey(String name) {
        return Map.of("pk", s("PLANNAME#" + name.toLowerCase(Locale.ROOT)), "sk", s("NAME"));
    }

    @Override
    public void insert(RecoveryPlan plan, Outgoing event) {
        Transaction tx = new Transaction()
                .write(PLAN, put(toItem(plan), "attribute_not_exists(pk)", null))
                .write(NAME, claim(plan))
                .publish(event.metadata(), event.payload());
        commit(tx, plan.name(), null);
    }

    @Override
    public void replace(RecoveryPlan previous, RecoveryPlan next, Outgoing event) {
        Transaction tx = new Transaction()
                .write(PLAN, put(toItem(next), "#v = :expected", previous.version()))
                .publish(event.metadata(), event.payload());
        boolean renamed = !previous.name().equalsIgnoreCase(next.name());
        if (renamed) {
            tx.write(NAME, claim(next));
            tx.write(OLD_NAME, delete(nameKey(previous.name())));
        }
        commit(tx, next.name(), previous);
    }

    @Override
    public void remove(RecoveryPlan plan, Outgoing event) {
        Transaction tx = new Transaction()
                .write(
                        PLAN,
                        TransactWriteItem.builder()
                                .delete(Delete.builder()
                                        .tableName(table)
                                        .key(planKey(plan.id()))
                                        .conditionExpression("#v = :expected")
                                        .expressionAttributeNames(Map.of("#v", "version"))
                                        .expressionAttributeValues(Map.of(":expected", n(plan.version())))
                                        .build())
                                .build())
                .write(OLD_NAME, delete(nameKey(plan.name())))
                .publish(event.metadata(), event.payload());
        commit(tx, plan.name(), plan);
    }

    private void commit(Transaction tx, String name, @Nullable RecoveryPlan previous) {
        try {
            transactions.commit(tx);
        } catch (TransactionFailed e) {
            if (e.failed(NAME)) {
                throw PlanConflict.nameTaken(name);
            }
            if (previous != null && (e.failed(PLAN) || e.conflict())) {
                long current = find(previous.id()).map(RecoveryPlan::version).orElse(-1L);
                throw PlanConflict.staleVersion("plan", previous.version(), current);
            }
            throw e;
        }
    }

    @Override
    public Optional<RecoveryPlan> find(PlanId id) {
        Map<String, AttributeValue> item = dynamo.getItem(
                        r -> r.tableName(table).key(planKey(id)).consistentRead(true))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    @Override
    public ListPage<RecoveryPlan> list(@Nullable String namePrefix, int limit, @Nullable Map<String, String> position) {
        QueryRequest.Builder query = QueryRequest.builder().tableName(table).indexName(PlanTables.BY_NAME);
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":kind", s("PLAN"));
        if (namePrefix != null && !namePrefix.isEmpty()) {
            query.keyConditionExpression("kind = :kind AND begins_with(nameKey, :prefix)");
            values.put(":prefix", s(namePrefix.toLowerCase(Locale.ROOT)));
        } else {
            query.keyConditionExpression("kind = :kind");
        }
        query.expressionAttributeValues(values);
        List<String> keys = List.of("pk", "sk", "kind", "nameKey");
        Paging.Result page =
                Paging.collect(dynamo, query, limit, position == null ? null : Paging.toKey(position, keys), keys);
        return new ListPage<>(
                page.items().stream().map(DynamoPlanStore::fromItem).toList(),
                page.next() == null ? null : Paging.fromKey(page.next()));
    }

    static Map<String, AttributeValue> toItem(RecoveryPlan plan) {
        Map<String, AttributeValue> item = new HashMap<>(planKey(plan.id()));
        item.put("kind", s("PLAN"));
        item.put(
                "nameKey",
                s(plan.name().toLowerCase(Locale.ROOT) + "#" + plan.id().value()));
        item.put("planId", s(plan.id().value()));
        item.put("version", n(plan.version()));
        item.put("definition", s(PlanJson.write(plan.definition())));
        item.put("createdAt", s(plan.createdAt().toString()));
        item.put("createdBy", s(plan.createdBy()));
        item.put("updatedAt", s(plan.updatedAt().toString()));
        item.put("updatedBy", s(plan.updatedBy()));
        return item;
    }

    static RecoveryPlan fromItem(Map<String, AttributeValue> item) {
        return new RecoveryPlan(
                PlanId.of(Items.requiredStr(item, "planId")),
                PlanJson.read(Items.requiredStr(item, "definition"), PlanDefinition.class),
                Items.num(item, "version", 0),
                Instant.parse(Items.requiredStr(item, "createdAt")),
                Items.requiredStr(item, "createdBy"),
                Instant.parse(Items.requiredStr(item, "updatedAt")),
                Items.requiredStr(item, "updatedBy"));
    }

    private TransactWriteItem claim(RecoveryPlan plan) {
        Map<String, AttributeValue> item = new HashMap<>(nameKey(plan.name()));
        item.put("planId", s(plan.id().value()));
        return put(item, "attribute_not_exists(pk)", null);
    }

    private TransactWriteItem put(Map<String, AttributeValue> item, String condition, @Nullable Long expected) {
        Put.Builder put = Put.builder().tableName(table).item(item).conditionExpression(condition);
        if (expected != null) {
            put.expressionAttributeNames(Map.of("#v", "version"))
                    .expressionAttributeValues(Map.of(":expected", n(expected)));
        }
        return TransactWriteItem.builder().put(put.build()).build();
    }

    private TransactWriteItem delete(Map<String, AttributeValue> key) {
        return TransactWriteItem.builder()
                .delete(Delete.builder().tableName(table).key(key).build())
                .build();
    }
}
