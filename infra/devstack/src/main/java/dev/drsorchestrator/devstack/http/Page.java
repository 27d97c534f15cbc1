package dev.drsorchestrator.devstack.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One page of a sorted list of keys behind an opaque token: the next page starts after the last key returned, so
 * paging stays right while items are added or removed between calls.
 */
public record Page(List<String> items, @Nullable String nextToken) {
    public static final int MAX_LIMIT = 1000;

    public static Page of(List<String> sorted, @Nullable String token, int limit) {
        if (limit <= 0) {
            throw AwsServiceException.validation(
                    "The page size (Limit/MaxResults) must be at least 1, was " + limit + ".");
        }
        int size = Math.min(limit, MAX_LIMIT);
        int start = 0;
        if (token != null && !token.isEmpty()) {
            String after;
            try {
                after = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw AwsServiceException.validation("The NextToken '" + token + "' is not valid: pass back the token"
                        + " the previous page returned.");
            }
            while (start < sorted.size() && sorted.get(start).compareTo(after) <= 0) {
                start++;
            }
        }
        int end = Math.min(sorted.size(), start + size);
        String next = end < sorted.size()
                ? Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(sorted.get(end - 1).getBytes(StandardCharsets.UTF_8))
                : null;
        return new Page(sorted.subList(start, end), next);
    }

    /** {@code {itemsField: [render(key)…], tokenField: next}}: a list answer as AWS writes it. */
    public ObjectNode render(String itemsField, String tokenField, Function<String, ? extends JsonNode> render) {
        ObjectNode out = Json.object();
        ArrayNode array = out.putArray(itemsField);
        items.forEach(key -> array.add(render.apply(key)));
        writeToken(out, tokenField);
        return out;
    }

    public void writeToken(ObjectNode out, String field) {
        if (nextToken != null) {
            out.put(field, nextToken);
        }
    }
}
