package dev.drsorchestrator.devstack.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The JSONPath subset EventBridge accepts in InputPath and InputPathsMap: {@code $}, {@code $.a.b},
 * {@code $.a[0]}, {@code $['a b']}; names may contain dashes ({@code $.detail-type}).
 */
public final class JsonPaths {
    private JsonPaths() {}

    /** Checks a path; returns the reason it is not valid, or null. */
    public static @Nullable String check(String path) {
        try {
            tokens(path);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** The node at the path, or null when the event has nothing there. */
    public static @Nullable JsonNode read(JsonNode root, String path) {
        JsonNode node = root;
        for (Object token : tokens(path)) {
            if (node == null) {
                return null;
            }
            node = token instanceof Integer i ? node.get(i) : node.get((String) token);
        }
        return node;
    }

    private static List<Object> tokens(String path) {
        if (!path.startsWith("$")) {
            throw new IllegalArgumentException("a path must start with '$': " + path);
        }
        List<Object> out = new ArrayList<>();
        int i = 1;
        while (i < path.length()) {
            char c = path.charAt(i);
            if (c == '.') {
                int end = i + 1;
                while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
                    end++;
                }
                if (end == i + 1) {
                    throw new IllegalArgumentException("empty name at position " + i + " of " + path);
                }
                out.add(path.substring(i + 1, end));
                i = end;
            } else if (c == '[') {
                int close = path.indexOf(']', i);
                if (close < 0) {
                    throw new IllegalArgumentException("unclosed '[' in " + path);
                }
                String inner = path.substring(i + 1, close).trim();
                if (inner.length() >= 2
                        && (inner.startsWith("'") && inner.endsWith("'")
                                || inner.startsWith("\"") && inner.endsWith("\""))) {
                    out.add(inner.substring(1, inner.length() - 1));
                } else {
                    try {
                        out.add(Integer.parseInt(inner));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("'" + inner + "' is not an index or quoted name in " + path);
                    }
                }
                i = close + 1;
            } else {
                throw new IllegalArgumentException("unexpected '" + c + "' at position " + i + " of " + path);
            }
        }
        return out;
    }
}
