package dev.drsorchestrator.devstack.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.devstack.dynamodb.expr.Projection;
import dev.drsorchestrator.devstack.dynamodb.store.Database;
import dev.drsorchestrator.devstack.dynamodb.store.Table;
import dev.drsorchestrator.devstack.http.AwsServiceException;
import dev.drsorchestrator.devstack.http.Json;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * TransactWriteItems and TransactGetItems. A write transaction of up to 100 actions on distinct items is evaluated whole
 * under the write lock: every condition is tested and every new item computed before anything changes, so it commits
 * all or nothing and no other request sees it half done. A failure is a TransactionCanceledException whose
 * CancellationReasons follow the order of the actions. A ClientRequestToken makes a committed transaction idempotent
 * for 10 minutes.
 */
final class TransactOperations {
    static final int MAX_ACTIONS = 100;
    static final Duration TOKEN_LIFETIME = Duration.ofMinutes(10);
    private static final long MAX_REQUEST_BYTES = 4L * 1024 * 1024;
    private static final Map<String, ItemWrite.Kind> KINDS = Map.of(
            "Put", ItemWrite.Kind.PUT,
            "Update", ItemWrite.Kind.UPDATE,
            "Delete", ItemWrite.Kind.DELETE,
            "ConditionCheck", ItemWrite.Kind.CHECK);

    private final Database db;
    private final Clock clock;
    /** Committed tokens: token → (the request's actions, when). Guarded by the database's write lock. */
    private final Map<String, Committed> tokens = new LinkedHashMap<>();

    private record Committed(JsonNode actions, Instant at) {}

    TransactOperations(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Forgets every ClientRequestToken (the admin reset); within the database's write lock. */
    void forgetTokens() {
        tokens.clear();
    }

    ObjectNode transactWriteItems(JsonNode in) {
        JsonNode actions = in.path("TransactItems");
        checkCount(actions, "transactItems");
        List<ItemWrite> writes = new ArrayList<>();
        for (JsonNode action : actions) {
            if (action.size() != 1) {
                throw DynamoErrors.validation(
                        "Each TransactItem must have exactly one of Put, Update, Delete and" + " ConditionCheck");
            }
            String name = action.fieldNames().next();
            ItemWrite.Kind kind = KINDS.get(name);
            if (kind == null) {
                throw DynamoErrors.validation(
                        "Unknown TransactItem action '" + name + "': Put, Update, Delete or ConditionCheck");
            }
            writes.add(ItemWrite.parse(kind, action.get(name)));
        }
        if (Json.bytes(actions).length > MAX_REQUEST_BYTES) {
            throw DynamoErrors.validation("Transaction request size exceeds the maximum of 4 MB");
        }
        String token = Json.text(in, "ClientRequestToken");
        if (token != null && (token.isEmpty() || token.length() > 36)) {
            throw DynamoErrors.validation("ClientRequestToken must be 1 to 36 characters long");
        }
        Capacity capacity = new Capacity(in);
        db.write(changes -> {
            if (token != null && replayed(token, actions)) {
                return null;
            }
            Set<String> items = new HashSet<>();
            for (ItemWrite w : writes) {
                w.bind(changes);
                if (!items.add(w.tableName + "\u0000" + Values.render(w.key()))) {
                    throw DynamoErrors.validation("Transaction request cannot include multiple operations on one item");
                }
            }
            List<ItemWrite.Outcome> outcomes = new ArrayList<>();
            List<ObjectNode> reasons = new ArrayList<>();
            boolean failed = false;
            for (ItemWrite w : writes) {
                ObjectNode reason = Json.object();
                try {
                    ItemWrite.Outcome o = w.evaluate();
                    outcomes.add(o);
                    if (o.conditionFailed()) {
                        failed = true;
                        reason.put("Code", "ConditionalCheckFailed").put("Message", "The conditional request failed");
                        if (w.returnOldOnFailure() && o.before() != null) {
                            reason.set("Item", Values.render(o.before()));
                        }
                    } else {
                        reason.put("Code", "None");
                    }
                } catch (AwsServiceException e) {
                    failed = true;
                    outcomes.add(null);
                    reason.put("Code", "ValidationError").put("Message", e.getMessage());
                }
                reasons.add(reason);
            }
            if (failed) {
                throw canceled(reasons);
            }
            for (int i = 0; i < writes.size(); i++) {
                ItemWrite w = writes.get(i);
                ItemWrite.Outcome o = outcomes.get(i);
                w.apply(changes, o);
                capacity.write(
                        w.tableName, Math.max(ItemOperations.size(o.before()), ItemOperations.size(o.after())), true);
            }
            if (token != null) {
                tokens.put(token, new Committed(actions, clock.instant()));
            }
            return null;
        });
        ObjectNode out = Json.object();
        capacity.renderList(out);
        return out;
    }

    /** Whether this token already committed these actions (so nothing is done again); other actions are refused. */
    private boolean replayed(String token, JsonNode actions) {
        Instant now = clock.instant();
        Iterator<Committed> it = tokens.values().iterator();
        while (it.hasNext()) {
            if (it.next().at().plus(TOKEN_LIFETIME).isBefore(now)) {
                it.remove();
            }
        }
        Committed earlier = tokens.get(token);
        if (earlier == null) {
            return false;
        }
        if (!earlier.actions().equals(actions)) {
            throw new AwsServiceException(
                    400,
                    "IdempotentParameterMismatchException",
                    "The ClientRequestToken " + token + " was used within the last 10 minutes for a different"
                            + " transaction; use a new token for new work");
        }
        return true;
    }

    private static AwsServiceException canceled(List<ObjectNode> reasons) {
        List<String> codes = reasons.stream().map(r -> r.get("Code").asText()).toList();
        AwsServiceException e = new AwsServiceException(
                400,
                "TransactionCanceledException",
                "Transaction cancelled, please refer cancellation reasons for specific reasons " + codes);
        ArrayNode list = Json.array();
        reasons.forEach(list::add);
        return e.with("CancellationReasons", list);
    }

    private static void checkCount(JsonNode actions, String field) {
        if (!actions.isArray() || actions.isEmpty() || actions.size() > MAX_ACTIONS) {
            throw DynamoErrors.validation("1 validation error detected: Value at '" + field + "' failed to satisfy"
                    + " constraint: Member must have length less than or equal to " + MAX_ACTIONS
                    + " and greater than or equal to 1 (it has " + actions.size() + ")");
        }
    }

    /** One Get of a TransactGetItems. */
    private record Get(String table, Map<String, Value> key, Projection projection) {}

    ObjectNode transactGetItems(JsonNode in) {
        JsonNode actions = in.path("TransactItems");
        checkCount(actions, "transactItems");
        List<Get> gets = new ArrayList<>();
        for (JsonNode action : actions) {
            JsonNode get = action.get("Get");
            if (get == null || action.size() != 1) {
                throw DynamoErrors.validation("Each TransactGetItem must have exactly one Get");
            }
            Projection projection = ItemOperations.readProjection(get);
            gets.add(new Get(get.path("TableName").asText(""), Values.item(get.get("Key"), "Key"), projection));
        }
        Capacity capacity = new Capacity(in);
        ObjectNode out = Json.object();
        ArrayNode responses = out.putArray("Responses");
        db.read(d -> {
            Set<String> seen = new HashSet<>();
            List<Map<String, Value>> found = new ArrayList<>();
            for (Get g : gets) {
                Table t = Lookup.table(d, g.table());
                Map<String, Value> key = Keys.key(t.def(), g.key());
                if (!seen.add(g.table() + "\u0000" + Values.render(key))) {
                    throw DynamoErrors.validation("Transaction request cannot include multiple operations on one item");
                }
                found.add(t.get(key));
            }
            for (int i = 0; i < gets.size(); i++) {
                Map<String, Value> item = found.get(i);
                Get g = gets.get(i);
                capacity.read(g.table(), ItemOperations.size(item), true, true);
                ObjectNode response = Json.object();
                if (item != null) {
                    response.set(
                            "Item",
                            Values.render(
                                    g.projection() == null
                                            ? item
                                            : g.projection().apply(item)));
                }
                responses.add(response);
            }
            return null;
        });
        capacity.renderList(out);
        return out;
    }
}
