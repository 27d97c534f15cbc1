package dev.drsorchestrator.kit.rest;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Opaque pagination cursors ({@code ?cursor=}): the position after the last item returned, as base64url JSON. A
 * client passes back {@code nextCursor} unchanged; anything else is a 400 naming the {@code cursor} field.
 */
public final class Cursors {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<TreeMap<String, String>> MAP = new TypeReference<>() {};

    private Cursors() {}

    public static String encode(Map<String, String> position) {
        try {
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(JSON.writeValueAsBytes(new TreeMap<>(position)));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The position in {@code cursor}, or null for the first page. */
    public static @Nullable Map<String, String> decode(@Nullable String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            Map<String, String> position = JSON.readValue(Base64.getUrlDecoder().decode(cursor), MAP);
            if (position.isEmpty()) {
                throw new IllegalArgumentException("empty");
            }
            return position;
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw ProblemException.invalid(
                    "cursor",
                    "is not a cursor this list returned; pass nextCursor unchanged, or omit it to start over");
        }
    }

    /** Checks {@code ?limit=}: absent means {@code defaultLimit}; otherwise 1 to {@code max}. */
    public static int limit(@Nullable Integer limit, int defaultLimit, int max) {
        if (limit == null) {
            return defaultLimit;
        }
        if (limit < 1 || limit > max) {
            throw ProblemException.invalid("limit", "must be between 1 and " + max + " but was " + limit);
        }
        return limit;
    }
}
