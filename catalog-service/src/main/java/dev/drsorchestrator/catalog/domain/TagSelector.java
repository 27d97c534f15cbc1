package dev.drsorchestrator.catalog.domain;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Selects source servers by their DRS tags: every key must be present with one of its listed values. An empty
 * selector selects nothing (a group without a selector has only its explicit servers).
 */
public record TagSelector(Map<String, Set<String>> terms) {

    public static final TagSelector NONE = new TagSelector(Map.of());

    public TagSelector {
        Map<String, Set<String>> copy = new TreeMap<>();
        terms.forEach((k, v) -> copy.put(k, java.util.Collections.unmodifiableSet(new TreeSet<>(v))));
        terms = java.util.Collections.unmodifiableMap(copy);
    }

    public static TagSelector of(Map<String, List<String>> terms) {
        Map<String, Set<String>> sets = new TreeMap<>();
        terms.forEach((k, v) -> sets.put(k, new TreeSet<>(v)));
        return new TagSelector(sets);
    }

    public boolean isEmpty() {
        return terms.isEmpty();
    }

    public boolean matches(Map<String, String> tags) {
        if (terms.isEmpty()) {
            return false;
        }
        for (Map.Entry<String, Set<String>> term : terms.entrySet()) {
            String value = tags.get(term.getKey());
            if (value == null || !term.getValue().contains(value)) {
                return false;
            }
        }
        return true;
    }

    /** As the events carry it: key to sorted values. */
    public Map<String, List<String>> asLists() {
        Map<String, List<String>> out = new TreeMap<>();
        terms.forEach((k, v) -> out.put(k, List.copyOf(v)));
        return out;
    }
}
