package dev.drsorchestrator.devstack.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.devstack.dynamodb.expr.Parser;
import dev.drsorchestrator.devstack.dynamodb.expr.Placeholders;
import dev.drsorchestrator.devstack.dynamodb.expr.Projection;
import dev.drsorchestrator.devstack.dynamodb.store.Database;
import dev.drsorchestrator.devstack.dynamodb.store.Table;
import dev.drsorchestrator.devstack.http.AwsServiceException;
import dev.drsorchestrator.devstack.http.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** PutItem, GetItem, UpdateItem and DeleteItem. */
final class ItemOperations {
    private static final Set<String> PUT_DELETE_RETURNS = Set.of("NONE", "ALL_OLD");
    private static final Set<String> UPDATE_RETURNS =
            Set.of("NONE", "ALL_OLD", "UPDATED_OLD", "ALL_NEW", "UPDATED_NEW");

    private final Database db;

    ItemOperations(Database db) {
        this.db = db;
    }

    ObjectNode putItem(JsonNode in) {
        return write(ItemWrite.Kind.PUT, in, PUT_DELETE_RETURNS);
    }

    ObjectNode updateItem(JsonNode in) {
        return write(ItemWrite.Kind.UPDATE, in, UPDATE_RETURNS);
    }

    ObjectNode deleteItem(JsonNode in) {
        return write(ItemWrite.Kind.DELETE, in, PUT_DELETE_RETURNS);
    }

    private ObjectNode write(ItemWrite.Kind kind, JsonNode in, Set<String> allowedReturns) {
        String returns = in.path("ReturnValues").asText("NONE");
        if (!allowedReturns.contains(returns)) {
            throw DynamoErrors.validation("Return values set to invalid value");
        }
        ItemWrite write = ItemWrite.parse(kind, in);
        Capacity capacity = new Capacity(in);
        ObjectNode out = Json.object();
        db.write(changes -> {
            write.bind(changes);
            ItemWrite.Outcome outcome = write.evaluate();
            if (outcome.conditionFailed()) {
                throw conditionFailed(write.returnOldOnFailure() ? outcome.before() : null);
            }
            write.apply(changes, outcome);
            Map<String, Value> returned =
                    switch (returns) {
                        case "ALL_OLD" -> outcome.before();
                        case "ALL_NEW" -> outcome.after();
                        case "UPDATED_OLD" -> write.updatedParts(outcome.before());
                        case "UPDATED_NEW" -> write.updatedParts(outcome.after());
                        default -> null;
                    };
            if (returned != null && !returned.isEmpty()) {
                out.set("Attributes", Values.render(returned));
            }
            capacity.write(write.tableName, Math.max(size(outcome.before()), size(outcome.after())), false);
            return null;
        });
        capacity.renderSingle(out, write.tableName);
        return out;
    }

    static long size(@Nullable Map<String, Value> item) {
        return item == null ? 0 : Values.size(item);
    }

    /** A failed condition; with ReturnValuesOnConditionCheckFailure=ALL_OLD, the item it was tested against. */
    static AwsServiceException conditionFailed(@Nullable Map<String, Value> item) {
        AwsServiceException e = DynamoErrors.conditionalCheckFailed();
        if (item != null) {
            e.with("Item", Values.render(item));
        }
        return e;
    }

    ObjectNode getItem(JsonNode in) {
        String tableName = in.path("TableName").asText("");
        Projection projection = readProjection(in);
        boolean consistent = in.path("ConsistentRead").asBoolean(false);
        Capacity capacity = new Capacity(in);
        Map<String, Value> key = Values.item(in.get("Key"), "Key");
        Map<String, Value> found = db.read(d -> {
            Table table = Lookup.table(d, tableName);
            return table.get(Keys.key(table.def(), key));
        });
        ObjectNode out = Json.object();
        if (found != null) {
            out.set("Item", Values.render(projection == null ? found : projection.apply(found)));
        }
        capacity.read(tableName, size(found), consistent, false);
        capacity.renderSingle(out, tableName);
        return out;
    }

    /**
     * The projection of a read whose only expression is its ProjectionExpression (GetItem, BatchGetItem's tables,
     * TransactGetItems' gets), with AWS's checks of its placeholders; null for the whole item.
     */
    static @Nullable Projection readProjection(JsonNode in) {
        Placeholders placeholders = Placeholders.of(in);
        Projection projection = projection(in, placeholders);
        placeholders.checkUsed(Json.text(in, "ProjectionExpression") != null);
        return projection;
    }

    /** The request's ProjectionExpression or AttributesToGet (not both), or null for the whole item. */
    static @Nullable Projection projection(JsonNode in, Placeholders placeholders) {
        String expression = Json.text(in, "ProjectionExpression");
        JsonNode attributesToGet = in.get("AttributesToGet");
        if (expression != null && attributesToGet != null && !attributesToGet.isNull()) {
            throw DynamoErrors.validation("Can not use both expression and non-expression parameters in the same"
                    + " request: Non-expression parameters: {AttributesToGet} Expression parameters:"
                    + " {ProjectionExpression}");
        }
        if (expression != null) {
            return Parser.projection(expression, placeholders);
        }
        if (attributesToGet != null && !attributesToGet.isNull()) {
            List<String> names = new ArrayList<>();
            attributesToGet.forEach(a -> names.add(a.asText()));
            if (names.isEmpty() || names.size() != Set.copyOf(names).size()) {
                throw DynamoErrors.validation("AttributesToGet must name at least one attribute, each once");
            }
            return Projection.ofAttributes(names);
        }
        return null;
    }
}
