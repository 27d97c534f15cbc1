package dev.drsorchestrator.devstack.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drsorchestrator.devstack.dynamodb.expr.Condition;
import dev.drsorchestrator.devstack.dynamodb.expr.Parser;
import dev.drsorchestrator.devstack.dynamodb.expr.Path;
import dev.drsorchestrator.devstack.dynamodb.expr.Placeholders;
import dev.drsorchestrator.devstack.dynamodb.expr.Projection;
import dev.drsorchestrator.devstack.dynamodb.expr.Update;
import dev.drsorchestrator.devstack.dynamodb.store.Database;
import dev.drsorchestrator.devstack.dynamodb.store.Table;
import dev.drsorchestrator.devstack.dynamodb.store.TableDef;
import dev.drsorchestrator.devstack.http.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One single-item write (PutItem, UpdateItem, DeleteItem, or a transaction's Put, Update, Delete or ConditionCheck):
 * parsed and checked against the table's schema first, then, under the database's write lock, evaluated against the
 * current item ({@link #evaluate}) and applied ({@link #apply}). A transaction evaluates all of its writes before it
 * applies any.
 */
final class ItemWrite {
    enum Kind {
        PUT,
        UPDATE,
        DELETE,
        CHECK
    }

    /** What evaluating the write found: the item before and after, or the failed condition. */
    record Outcome(
            @Nullable Map<String, Value> before, @Nullable Map<String, Value> after, boolean conditionFailed) {}

    final Kind kind;
    final String tableName;
    private final JsonNode request;
    private final @Nullable Condition condition;
    private final @Nullable Update update;
    private final boolean returnOldOnFailure;
    private Table table;
    private Map<String, Value> key;
    private Map<String, Value> item;

    private ItemWrite(Kind kind, JsonNode request) {
        this.kind = kind;
        this.request = request;
        this.tableName = request.path("TableName").asText("");
        DynamoErrors.rejectLegacy(request, "Expected", "ConditionalOperator", "AttributeUpdates", "AttributesToGet");
        Placeholders placeholders = Placeholders.of(request);
        String conditionText = Json.text(request, "ConditionExpression");
        this.condition =
                conditionText == null ? null : Parser.condition(conditionText, "ConditionExpression", placeholders);
        String updateText = Json.text(request, "UpdateExpression");
        if (kind == Kind.UPDATE && updateText != null) {
            this.update = Parser.update(updateText, placeholders);
        } else {
            this.update = null;
        }
        if (kind == Kind.CHECK && condition == null) {
            throw DynamoErrors.validation("ConditionCheck requires a ConditionExpression");
        }
        placeholders.checkUsed(conditionText != null || updateText != null);
        String onFailure = request.path("ReturnValuesOnConditionCheckFailure").asText("NONE");
        if (!onFailure.equals("NONE") && !onFailure.equals("ALL_OLD")) {
            throw DynamoErrors.validation(
                    "ReturnValuesOnConditionCheckFailure must be NONE or ALL_OLD, not " + onFailure);
        }
        this.returnOldOnFailure = onFailure.equals("ALL_OLD");
    }

    static ItemWrite parse(Kind kind, JsonNode request) {
        return new ItemWrite(kind, request);
    }

    boolean returnOldOnFailure() {
        return returnOldOnFailure;
    }

    /** Finds the table and checks the key or item against its schema; within the database's write lock. */
    ItemWrite bind(Database.Changes changes) {
        this.table = Lookup.table(changes.database(), tableName);
        TableDef def = table.def();
        if (kind == Kind.PUT) {
            this.item = Values.item(request.get("Item"), "Item");
            this.key = Keys.keyOfItem(def, item);
            Keys.checkStored(def, item, "Item size has exceeded the maximum allowed size");
        } else {
            this.key = Keys.key(def, Values.item(request.get("Key"), "Key"));
        }
        if (update != null) {
            for (String attr : update.topLevelAttributes()) {
                if (def.key().attributes().contains(attr)) {
                    throw DynamoErrors.invalidParameter(
                            "Cannot update attribute " + attr + ". This attribute is part of the key");
                }
            }
        }
        return this;
    }

    Map<String, Value> key() {
        return key;
    }

    /** Reads the current item, tests the condition and computes the new item; changes nothing. */
    Outcome evaluate() {
        Map<String, Value> before = table.get(key);
        Map<String, Value> current = before == null ? Map.of() : before;
        if (condition != null && !condition.test(current)) {
            return new Outcome(before, null, true);
        }
        Map<String, Value> after =
                switch (kind) {
                    case PUT -> item;
                    case DELETE, CHECK -> null;
                    case UPDATE -> {
                        Map<String, Value> start = new LinkedHashMap<>(key);
                        start.putAll(current);
                        Map<String, Value> updated = update == null ? start : update.apply(start);
                        Keys.checkStored(
                                table.def(), updated, "Item size to update has exceeded the maximum allowed size");
                        yield updated;
                    }
                };
        return new Outcome(before, after, false);
    }

    void apply(Database.Changes changes, Outcome outcome) {
        switch (kind) {
            case PUT, UPDATE -> changes.put(table, java.util.Collections.unmodifiableMap(outcome.after()));
            case DELETE -> {
                if (outcome.before() != null) {
                    changes.delete(table, key);
                }
            }
            case CHECK -> {
                // a condition check writes nothing
            }
        }
    }

    /** UpdateItem's UPDATED_OLD / UPDATED_NEW: the parts of the item its actions touched. */
    Map<String, Value> updatedParts(@Nullable Map<String, Value> itemVersion) {
        if (itemVersion == null || update == null) {
            return Map.of();
        }
        List<Path> paths = update.actions().stream().map(Update.Action::path).toList();
        return new Projection(paths).apply(itemVersion);
    }
}
