package dev.drsorchestrator.devstack.dynamodb.expr;

import dev.drsorchestrator.devstack.dynamodb.Value;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A ProjectionExpression (or AttributesToGet): the parts of an item to return. Nested paths return the enclosing
 * maps with only the named keys, and lists with only the named elements, in index order, as DynamoDB does.
 */
public final class Projection {
    /** A trie of the requested paths: names of maps, indexes of lists; a terminal node takes the whole value. */
    private static final class Node {
        boolean whole;
        final Map<String, Node> names = new LinkedHashMap<>();
        final TreeMap<Integer, Node> indexes = new TreeMap<>();
    }

    private final Node root = new Node();

    public Projection(List<Path> paths) {
        for (Path p : paths) {
            Node n = root;
            for (Path.Element e : p.elements()) {
                n = e instanceof Path.Name name
                        ? n.names.computeIfAbsent(name.name(), k -> new Node())
                        : n.indexes.computeIfAbsent(((Path.Index) e).index(), k -> new Node());
            }
            n.whole = true;
        }
    }

    public static Projection ofAttributes(Collection<String> attributes) {
        return new Projection(attributes.stream().map(Path::of).toList());
    }

    public Map<String, Value> apply(Map<String, Value> item) {
        Map<String, Value> out = new LinkedHashMap<>();
        root.names.forEach((name, node) -> {
            Value v = item.get(name);
            Value projected = v == null ? null : project(v, node);
            if (projected != null) {
                out.put(name, projected);
            }
        });
        return out;
    }

    private static Value project(Value v, Node node) {
        if (node.whole) {
            return v;
        }
        if (v instanceof Value.M m && !node.names.isEmpty()) {
            Map<String, Value> out = new LinkedHashMap<>();
            node.names.forEach((name, child) -> {
                Value c = m.value().get(name);
                Value projected = c == null ? null : project(c, child);
                if (projected != null) {
                    out.put(name, projected);
                }
            });
            return out.isEmpty() ? null : new Value.M(out);
        }
        if (v instanceof Value.L l && !node.indexes.isEmpty()) {
            List<Value> out = new ArrayList<>();
            node.indexes.forEach((index, child) -> {
                if (index < l.value().size()) {
                    Value projected = project(l.value().get(index), child);
                    if (projected != null) {
                        out.add(projected);
                    }
                }
            });
            return out.isEmpty() ? null : new Value.L(out);
        }
        return null;
    }
}
