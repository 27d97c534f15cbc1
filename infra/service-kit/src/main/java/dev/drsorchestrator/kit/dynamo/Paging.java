package dev.drsorchestrator.kit.dynamo;

import dev.drsorchestrator.kit.rest.ProblemException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Fills a page from a query that may filter: reads on until {@code limit} items passed the filter or the partition
 * ends, and positions the next page right after the last item returned (not after the last item read), so that no
 * item is skipped or repeated.
 */
public final class Paging {

    private Paging() {}

    public record Result(
            List<Map<String, AttributeValue>> items,
            @Nullable Map<String, AttributeValue> next) {}

    public static Result collect(
            DynamoDbClient dynamo,
            QueryRequest.Builder query,
            int limit,
            @Nullable Map<String, AttributeValue> start,
            List<String> keyAttributes) {
        boolean filtered = query.build().filterExpression() != null;
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> from = start;
        while (true) {
            int want = limit - items.size();
            QueryResponse page;
            try {
                page = dynamo.query(query.exclusiveStartKey(from)
                        .limit(filtered ? Math.max(200, want) : Math.min(1000, want + 1))
                        .build());
            } catch (DynamoDbException e) {
                if (start != null && e.statusCode() == 400) {
                    throw invalidCursor();
                }
                throw e;
            }
            List<Map<String, AttributeValue>> got = page.items();
            for (int i = 0; i < got.size(); i++) {
                if (items.size() == limit) {
                    return new Result(items, key(items.get(items.size() - 1), keyAttributes));
                }
                items.add(got.get(i));
            }
            boolean more =
                    page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty();
            if (!more) {
                return new Result(items, null);
            }
            if (items.size() == limit) {
                return new Result(items, key(items.get(items.size() - 1), keyAttributes));
            }
            from = page.lastEvaluatedKey();
        }
    }

    public static Map<String, AttributeValue> key(Map<String, AttributeValue> item, List<String> keyAttributes) {
        Map<String, AttributeValue> key = new HashMap<>();
        for (String attribute : keyAttributes) {
            AttributeValue v = item.get(attribute);
            if (v != null) {
                key.put(attribute, v);
            }
        }
        return key;
    }

    /** The query position a cursor holds; a cursor of another list (other key attributes) is refused. */
    public static Map<String, AttributeValue> toKey(Map<String, String> position, List<String> keyAttributes) {
        Map<String, AttributeValue> key = new HashMap<>();
        position.forEach((k, v) -> {
            if (!k.startsWith("_")) {
                key.put(k, AttributeValue.fromS(v));
            }
        });
        if (!keyAttributes.containsAll(key.keySet()) || key.size() < 2) {
            throw invalidCursor();
        }
        return key;
    }

    public static ProblemException invalidCursor() {
        return ProblemException.invalid(
                "cursor", "is not a cursor of this list; pass nextCursor unchanged with the same filters, or omit it");
    }

    public static Map<String, String> fromKey(Map<String, AttributeValue> key) {
        Map<String, String> position = new HashMap<>();
        key.forEach((k, v) -> position.put(k, v.s()));
        return position;
    }
}
