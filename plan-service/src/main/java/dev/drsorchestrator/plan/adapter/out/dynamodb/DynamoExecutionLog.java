package dev.drsorchestrator.plan.adapter.out.dynamodb;

import static dev.drsorchestrator.kit.dynamo.Items.n;
import static dev.drsorchestrator.kit.dynamo.Items.s;

import dev.drsorchestrator.contracts.ids.ExecutionId;
import dev.drsorchestrator.contracts.ids.PlanId;
import dev.drsorchestrator.contracts.model.ExecutionType;
import dev.drsorchestrator.contracts.model.TriggerType;
import dev.drsorchestrator.kit.dynamo.Items;
import dev.drsorchestrator.kit.dynamo.Paging;
import dev.drsorchestrator.kit.dynamo.Transaction;
import dev.drsorchestrator.kit.dynamo.TransactionFailed;
import dev.drsorchestrator.kit.dynamo.Transactions;
import dev.drsorchestrator.plan.config.PlanConfig;
import dev.drsorchestrator.plan.domain.Activation;
import dev.drsorchestrator.plan.domain.ConsumedEvent;
import dev.drsorchestrator.plan.domain.ExecutionLog;
import dev.drsorchestrator.plan.domain.LastExecution;
import dev.drsorchestrator.plan.domain.ListPage;
import dev.drsorchestrator.plan.domain.PlanConflict;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/** The last execution, idempotency keys, the alarm cooldown anchor and activations, all under the plan's key. */
@ApplicationScoped
class DynamoExecutionLog implements ExecutionLog {

    private static final Duration KEY_RETENTION = Duration.ofDays(1);
    private static final String KEY = "idempotency-key";
    private static final String ACTIVATION = "activation";
    private static final String COOLDOWN = "cooldown";
    private static final String LAST = "last-execution";

    private final DynamoDbClient dynamo;
    private final Transactions transactions;
    private final String table;
    private final Duration activationRetention;
    private final Clock clock;

    DynamoExecutionLog(DynamoDbClient dynamo, Transactions transactions, PlanConfig config, Clock clock) {
        this.dynamo = dynamo;
        this.transactions = transactions;
        this.table = config.tables().plans();
        this.activationRetention = Duration.ofDays(config.activationRetentionDays());
        this.clock = clock;
    }

    private static Map<String, AttributeValue> key(PlanId plan, String sk) {
        return Map.of("pk", s("PLAN#" + plan.value()), "sk", s(sk));
    }

    @Override
    public void record(Request request) {
        Transaction tx = new Transaction()
                .write(LAST, put(lastItem(request.planId(), request.last()), null, Map.of()))
                .publish(request.event().metadata(), request.event().payload());
        if (request.idempotencyKey() != null) {
            Map<String, AttributeValue> item = new HashMap<>(key(request.planId(), "KEY#" + request.idempotencyKey()));
            item.put("executionId", s(request.last().executionId().value()));
            item.put("expiresAt", n(clock.instant().plus(KEY_RETENTION).getEpochSecond()));
            // A key whose day has passed may still be stored (TTL deletes late); it no longer counts.
            tx.write(
                    KEY,
                    put(
                            item,
                            "attribute_not_exists(pk) OR expiresAt < :now",
                            Map.of(":now", n(clock.instant().getEpochSecond()))));
        }
        if (request.activation() != null) {
            tx.write(ACTIVATION, put(activationItem(request.activation()), "attribute_not_exists(pk)", Map.of()));
        }
        if (request.cooldownAnchor() != null) {
            Map<String, AttributeValue> item = new HashMap<>(key(request.planId(), "COOLDOWN"));
            item.put("anchor", s(request.cooldownAnchor().toString()));
            item.put("executionId", s(request.last().executionId().value()));
            tx.write(
                    COOLDOWN,
                    request.cooldownExpected() == null
                            ? put(item, "attribute_not_exists(pk)", Map.of())
                            : put(
                                    item,
                                    "anchor = :expected",
                                    Map.of(
                                            ":expected",
                                            s(request.cooldownExpected().toString()))));
        }
        if (request.consumed() != null) {
            tx.markProcessed(Consumed.delivery(request.consumed()));
        }
        try {
            transactions.commit(tx);
        } catch (TransactionFailed e) {
            if (e.failed(KEY) || e.failed(ACTIVATION)) {
                throw new AlreadyRequested(
                        e.failed(KEY)
                                ? "idempotency key " + request.idempotencyKey()
                                : "activation " + request.activation().eventId());
            }
            if (e.failed(COOLDOWN) || e.conflict()) {
                throw new PlanConflict(
                        "cooldown-moved",
                        "Another alarm's execution was requested meanwhile",
                        "The plan's alarm cooldown changed while this alarm was handled; it is decided again",
                        Map.of());
            }
            throw e;
        }
    }

    @Override
    public void recordActivation(Activation activation, @Nullable ConsumedEvent consumed) {
        Transaction tx = new Transaction()
                .write(ACTIVATION, put(activationItem(activation), "attribute_not_exists(pk)", Map.of()));
        if (consumed != null) {
            tx.markProcessed(Consumed.delivery(consumed));
        }
        try {
            transactions.commit(tx);
        } catch (TransactionFailed e) {
            if (!e.failed(ACTIVATION)) {
                throw e;
            }
        }
    }

    @Override
    public Optional<LastExecution> last(PlanId plan) {
        return get(key(plan, "LAST")).map(DynamoExecutionLog::lastExecution);
    }

    @Override
    public Optional<ExecutionId> requestedWithKey(PlanId plan, String idempotencyKey) {
        return get(key(plan, "KEY#" + idempotencyKey))
                .filter(i -> Items.num(i, "expiresAt", Long.MAX_VALUE)
                        > clock.instant().getEpochSecond())
                .map(i -> ExecutionId.of(Items.requiredStr(i, "executionId")));
    }

    @Override
    public Optional<Instant> cooldownAnchor(PlanId plan) {
        return get(key(plan, "COOLDOWN")).map(i -> Instant.parse(Items.requiredStr(i, "anchor")));
    }

    @Override
    public void applyStatus(
            PlanId plan,
            ExecutionId execution,
            LastExecution.Status status,
            Instant at,
            @Nullable String detail,
            ConsumedEvent consumed) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":id", s(execution.value()));
        values.put(":status", s(status.name()));
        values.put(":rank", n(status.ordinal()));
        values.put(":at", s(at.toString()));
        String set = "SET #status = :status, statusRank = :rank, updatedAt = :at";
        if (detail != null) {
            values.put(":detail", s(detail));
            set += ", detail = :detail";
        }
        // Not the plan's last execution any more, or a late event: the condition fails and nothing changes.
        Consumed.writeIfCurrent(
                transactions,
                LAST,
                TransactWriteItem.builder()
                        .update(Update.builder()
                                .tableName(table)
                                .key(key(plan, "LAST"))
                                .updateExpression(set)
                                .conditionExpression("executionId = :id AND statusRank < :rank")
                                .expressionAttributeNames(Map.of("#status", "status"))
                                .expressionAttributeValues(values)
                                .build())
                        .build(),
                consumed);
    }

    @Override
    public ListPage<Activation> activations(PlanId plan, int limit, @Nullable Map<String, String> position) {
        QueryRequest.Builder query = QueryRequest.builder()
                .tableName(table)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :act)")
                .expressionAttributeValues(Map.of(":pk", s("PLAN#" + plan.value()), ":act", s("ACT#")))
                .scanIndexForward(false)
                .consistentRead(true);
        List<String> keys = List.of("pk", "sk");
        Paging.Result page =
                Paging.collect(dynamo, query, limit, position == null ? null : Paging.toKey(position, keys), keys);
        return new ListPage<>(
                page.items().stream().map(DynamoExecutionLog::activation).toList(),
                page.next() == null ? null : Paging.fromKey(page.next()));
    }

    private Optional<Map<String, AttributeValue>> get(Map<String, AttributeValue> key) {
        Map<String, AttributeValue> item = dynamo.getItem(
                        r -> r.tableName(table).key(key).consistentRead(true))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    private TransactWriteItem put(
            Map<String, AttributeValue> item, @Nullable String condition, Map<String, AttributeValue> values) {
        Put.Builder put = Put.builder().tableName(table).item(item).conditionExpression(condition);
        if (!values.isEmpty()) {
            put.expressionAttributeValues(values);
        }
        return TransactWriteItem.builder().put(put.build()).build();
    }

    static Map<String, AttributeValue> lastItem(PlanId plan, LastExecution last) {
        Map<String, AttributeValue> item = new HashMap<>(key(plan, "LAST"));
        item.put("executionId", s(last.executionId().value()));
        item.put("executionType", s(last.type().name()));
        item.put("trigger", s(last.trigger().name()));
        item.put("status", s(last.status().name()));
        item.put("statusRank", n(last.status().ordinal()));
        item.put("requestedAt", s(last.requestedAt().toString()));
        item.put("updatedAt", s(last.updatedAt().toString()));
        if (last.detail() != null) {
            item.put("detail", s(last.detail()));
        }
        return item;
    }

    static LastExecution lastExecution(Map<String, AttributeValue> item) {
        return new LastExecution(
                ExecutionId.of(Items.requiredStr(item, "executionId")),
                ExecutionType.valueOf(Items.requiredStr(item, "executionType")),
                TriggerType.valueOf(Items.requiredStr(item, "trigger")),
                LastExecution.Status.valueOf(Items.requiredStr(item, "status")),
                Instant.parse(Items.requiredStr(item, "requestedAt")),
                Instant.parse(Items.requiredStr(item, "updatedAt")),
                Items.str(item, "detail"));
    }

    private Map<String, AttributeValue> activationItem(Activation a) {
        Map<String, AttributeValue> item = new HashMap<>(
                key(a.planId(), String.format("ACT#%015d#%s", a.firedAt().toEpochMilli(), a.eventId())));
        item.put("planId", s(a.planId().value()));
        item.put("eventId", s(a.eventId()));
        item.put("activationKind", s(a.kind().name()));
        item.put("source", s(a.source()));
        item.put("firedAt", s(a.firedAt().toString()));
        item.put("outcome", s(a.outcome().name()));
        if (a.executionId() != null) {
            item.put("executionId", s(a.executionId().value()));
        }
        item.put("detail", s(a.detail()));
        if (a.cooldownUntil() != null) {
            item.put("cooldownUntil", s(a.cooldownUntil().toString()));
        }
        item.put("recordedAt", s(clock.instant().toString()));
        item.put("expiresAt", n(clock.instant().plus(activationRetention).getEpochSecond()));
        return item;
    }

    static Activation activation(Map<String, AttributeValue> item) {
        String execution = Items.str(item, "executionId");
        String until = Items.str(item, "cooldownUntil");
        return new Activation(
                PlanId.of(Items.requiredStr(item, "planId")),
                Items.requiredStr(item, "eventId"),
                Activation.Kind.valueOf(Items.requiredStr(item, "activationKind")),
                Items.requiredStr(item, "source"),
                Instant.parse(Items.requiredStr(item, "firedAt")),
                Activation.Outcome.valueOf(Items.requiredStr(item, "outcome")),
                execution == null ? null : ExecutionId.of(execution),
                Items.requiredStr(item, "detail"),
                until == null ? null : Instant.parse(until));
    }
}
