package dev.drsorchestrator.plan.adapter.out.dynamodb;

import static dev.drsorchestrator.kit.dynamo.Items.n;
import static dev.drsorchestrator.kit.dynamo.Items.s;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.drsorchestrator.contracts.ids.PlanId;
import dev.drsorchestrator.kit.dynamo.Items;
import dev.drsorchestrator.kit.dynamo.Transaction;
import dev.drsorchestrator.kit.dynamo.TransactionFailed;
import dev.drsorchestrator.kit.dynamo.Transactions;
import dev.drsorchestrator.plan.config.PlanConfig;
import dev.drsorchestrator.plan.domain.AlarmBinding;
import dev.drsorchestrator.plan.domain.AlarmBindings;
import dev.drsorchestrator.plan.domain.DrillSchedule;
import dev.drsorchestrator.plan.domain.PlanConflict;
import dev.drsorchestrator.plan.domain.TriggerStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Alarm bindings (the plan's list plus one {@code ALARM#<name>} item per binding, changed together) and the drill
 * schedule record.
 */
@ApplicationScoped
class DynamoTriggerStore implements TriggerStore {

    private static final String ALARMS = "alarms";
    private static final TypeReference<List<AlarmBinding>> BINDINGS = new TypeReference<>() {};

    private final DynamoDbClient dynamo;
    private final Transactions transactions;
    private final String table;

    DynamoTriggerStore(DynamoDbClient dynamo, Transactions transactions, PlanConfig config) {
        this.dynamo = dynamo;
        this.transactions = transactions;
        this.table = config.tables().plans();
    }

    private static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of("pk", s(pk), "sk", s(sk));
    }

    private static String planPk(PlanId plan) {
        return "PLAN#" + plan.value();
    }

    @Override
    public AlarmBindings alarms(PlanId plan) {
        Map<String, AttributeValue> item = get(key(planPk(plan), "ALARMS"));
        if (item == null) {
            return AlarmBindings.none();
        }
        return new AlarmBindings(
                PlanJson.read(Items.requiredStr(item, "bindings"), BINDINGS), Items.num(item, "version", 0));
    }

    @Override
    public void replaceAlarms(PlanId plan, AlarmBindings previous, List<AlarmBinding> next) {
        Map<String, AttributeValue> item = new HashMap<>(key(planPk(plan), "ALARMS"));
        item.put("bindings", s(PlanJson.write(next)));
        item.put("version", n(previous.version() + 1));
        Put.Builder put = Put.builder().tableName(table).item(item);
        if (previous.version() == 0) {
            put.conditionExpression("attribute_not_exists(pk)");
        } else {
            put.conditionExpression("#v = :v")
                    .expressionAttributeNames(Map.of("#v", "version"))
                    .expressionAttributeValues(Map.of(":v", n(previous.version())));
        }
        Transaction tx = new Transaction()
                .write(ALARMS, TransactWriteItem.builder().put(put.build()).build());
        Set<String> kept = new HashSet<>();
        for (AlarmBinding binding : next) {
            kept.add(binding.alarmName());
            Map<String, AttributeValue> lookup = new HashMap<>(key("ALARM#" + binding.alarmName(), planPk(plan)));
            lookup.put("planId", s(plan.value()));
            lookup.put("binding", s(PlanJson.write(binding)));
            tx.write(
                    "bind:" + binding.alarmName(),
                    TransactWriteItem.builder()
                            .put(Put.builder().tableName(table).item(lookup).build())
                            .build());
        }
        for (AlarmBinding old : previous.bindings()) {
            if (!kept.contains(old.alarmName())) {
                tx.write("unbind:" + old.alarmName(), delete(key("ALARM#" + old.alarmName(), planPk(plan))));
            }
        }
        try {
            transactions.commit(tx);
        } catch (TransactionFailed e) {
            if (e.failed(ALARMS) || e.conflict()) {
                throw PlanConflict.staleVersion(
                        "alarm-trigger list", previous.version(), alarms(plan).version());
            }
            throw e;
        }
    }

    @Override
    public List<BoundAlarm> plansBoundTo(String alarmName) {
        List<BoundAlarm> bound = new ArrayList<>();
        dynamo.queryPaginator(q -> q.tableName(table)
                        .keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", s("ALARM#" + alarmName)))
                        .consistentRead(true))
                .items()
                .forEach(i -> bound.add(new BoundAlarm(
                        PlanId.of(Items.requiredStr(i, "planId")),
                        PlanJson.read(Items.requiredStr(i, "binding"), AlarmBinding.class))));
        return bound;
    }

    @Override
    public Optional<StoredSchedule> schedule(PlanId plan) {
        Map<String, AttributeValue> item = get(key(planPk(plan), "SCHEDULE"));
        if (item == null) {
            return Optional.empty();
        }
        return Optional.of(new StoredSchedule(
                PlanJson.read(Items.requiredStr(item, "schedule"), DrillSchedule.class),
                Items.requiredStr(item, "scheduleName"),
                Items.num(item, "version", 0),
                Instant.parse(Items.requiredStr(item, "updatedAt")),
                Items.requiredStr(item, "updatedBy")));
    }

    @Override
    public void putSchedule(PlanId plan, StoredSchedule schedule, long expectedVersion) {
        Map<String, AttributeValue> item = new HashMap<>(key(planPk(plan), "SCHEDULE"));
        item.put("schedule", s(PlanJson.write(schedule.schedule())));
        item.put("scheduleName", s(schedule.scheduleName()));
        item.put("version", n(schedule.version()));
        item.put("updatedAt", s(schedule.updatedAt().toString()));
        item.put("updatedBy", s(schedule.updatedBy()));
        try {
            if (expectedVersion == 0) {
                dynamo.putItem(r -> r.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
            } else {
                dynamo.putItem(r -> r.tableName(table)
                        .item(item)
                        .conditionExpression("#v = :v")
                        .expressionAttributeNames(Map.of("#v", "version"))
                        .expressionAttributeValues(Map.of(":v", n(expectedVersion))));
            }
        } catch (ConditionalCheckFailedException e) {
            throw PlanConflict.staleVersion(
                    "drill schedule",
                    expectedVersion,
                    schedule(plan).map(StoredSchedule::version).orElse(0L));
        }
    }

    @Override
    public void deleteSchedule(PlanId plan) {
        dynamo.deleteItem(r -> r.tableName(table).key(key(planPk(plan), "SCHEDULE")));
    }

    @Override
    public void removeAll(PlanId plan) {
        for (AlarmBinding binding : alarms(plan).bindings()) {
            dynamo.deleteItem(r -> r.tableName(table).key(key("ALARM#" + binding.alarmName(), planPk(plan))));
        }
        for (String sk : List.of("ALARMS", "SCHEDULE", "COOLDOWN", "LAST")) {
            dynamo.deleteItem(r -> r.tableName(table).key(key(planPk(plan), sk)));
        }
    }

    private Map<String, AttributeValue> get(Map<String, AttributeValue> key) {
        Map<String, AttributeValue> item = dynamo.getItem(
                        r -> r.tableName(table).key(key).consistentRead(true))
                .item();
        return item == null || item.isEmpty() ? null : item;
    }

    private TransactWriteItem delete(Map<String, AttributeValue> key) {
        return TransactWriteItem.builder()
                .delete(Delete.builder().tableName(table).key(key).build())
                .build();
    }
}
