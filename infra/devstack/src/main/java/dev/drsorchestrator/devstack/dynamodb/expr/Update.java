package dev.drsorchestrator.devstack.dynamodb.expr;

import dev.drsorchestrator.devstack.dynamodb.DynamoErrors;
import dev.drsorchestrator.devstack.dynamodb.Value;
import dev.drsorchestrator.devstack.dynamodb.Values;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A parsed UpdateExpression: SET, REMOVE, ADD and DELETE actions. Every operand is read from the item as it was before
 * the update; then the actions apply. Paths may not overlap (checked when parsed).
 */
public record Update(List<Action> actions) {

    public enum Kind {
        SET,
        REMOVE,
        ADD,
        DELETE
    }

    /** One action; {@code operand} is null for REMOVE. */
    public record Action(Kind kind, Path path, Operand operand) {}

    /** The top-level attributes this update writes or removes. */
    public Set<String> topLevelAttributes() {
        Set<String> out = new HashSet<>();
        actions.forEach(a -> out.add(a.path().head()));
        return out;
    }

    /** The item after the update; {@code old} is the empty map when the item does not exist yet. */
    public Map<String, Value> apply(Map<String, Value> old) {
        List<Value> computed = new ArrayList<>();
        for (Action a : actions) {
            computed.add(a.kind() == Kind.REMOVE ? null : value(a, old));
        }
        Map<String, Value> item = new LinkedHashMap<>(old);
        List<Path> removals = new ArrayList<>();
        for (int i = 0; i < actions.size(); i++) {
            Action a = actions.get(i);
            Value v = computed.get(i);
            switch (a.kind()) {
                case SET -> write(item, a.path(), v);
                case REMOVE -> removals.add(a.path());
                case ADD -> write(item, a.path(), add(a.path().resolve(old), v));
                case DELETE -> {
                    Value rest = delete(a.path().resolve(old), v);
                    if (rest == null) {
                        removals.add(a.path());
                    } else {
                        write(item, a.path(), rest);
                    }
                }
            }
        }
        // Removing list elements by index shifts the rest; remove from the highest index down, as the indexes name
        // the elements of the old list.
        removals.sort(Comparator.comparing(Update::lastIndex).reversed());
        for (Path p : removals) {
            remove(item, p);
        }
        return item;
    }

    private static int lastIndex(Path p) {
        Path.Element last = p.elements().get(p.elements().size() - 1);
        return last instanceof Path.Index i ? i.index() : -1;
    }

    private static Value value(Action a, Map<String, Value> old) {
        if (a.kind() == Kind.SET) {
            return Operand.required(a.operand(), old);
        }
        return a.operand().eval(old);
    }

    private static Value add(Value existing, Value addend) {
        if (existing == null) {
            return addend;
        }
        if (existing instanceof Value.N n && addend instanceof Value.N m) {
            return new Value.N(Values.number(n.value().add(m.value()).toPlainString()));
        }
        if (existing instanceof Value.SS s && addend instanceof Value.SS t) {
            TreeSet<String> union = new TreeSet<>(s.value());
            union.addAll(t.value());
            return new Value.SS(union);
        }
        if (existing instanceof Value.NS s && addend instanceof Value.NS t) {
            TreeSet<BigDecimal> union = new TreeSet<>(s.value());
            union.addAll(t.value());
            return new Value.NS(union);
        }
        if (existing instanceof Value.BS s && addend instanceof Value.BS t) {
            TreeSet<Value.Bytes> union = new TreeSet<>(s.value());
            union.addAll(t.value());
            return new Value.BS(union);
        }
        throw Operand.incorrectType();
    }

    /** The set left after DELETE, or null when nothing is left (the attribute goes). */
    private static Value delete(Value existing, Value removed) {
        if (existing == null) {
            return null;
        }
        if (existing instanceof Value.SS s && removed instanceof Value.SS t) {
            TreeSet<String> rest = new TreeSet<>(s.value());
            rest.removeAll(t.value());
            return rest.isEmpty() ? null : new Value.SS(rest);
        }
        if (existing instanceof Value.NS s && removed instanceof Value.NS t) {
            TreeSet<BigDecimal> rest = new TreeSet<>(s.value());
            rest.removeAll(t.value());
            return rest.isEmpty() ? null : new Value.NS(rest);
        }
        if (existing instanceof Value.BS s && removed instanceof Value.BS t) {
            TreeSet<Value.Bytes> rest = new TreeSet<>(s.value());
            rest.removeAll(t.value());
            return rest.isEmpty() ? null : new Value.BS(rest);
        }
        throw Operand.incorrectType();
    }

    private static RuntimeException invalidPath() {
        return DynamoErrors.validation("The document path provided in the update expression is invalid for update");
    }

    /** Writes v at the path; every container on the way must exist. A list index past the end appends. */
    static void write(Map<String, Value> item, Path path, Value v) {
        List<Path.Element> els = path.elements();
        if (els.size() == 1) {
            item.put(path.head(), v);
            return;
        }
        item.put(path.head(), replaceIn(item.get(path.head()), els, 1, v, false));
    }

    static void remove(Map<String, Value> item, Path path) {
        List<Path.Element> els = path.elements();
        if (els.size() == 1) {
            item.remove(path.head());
            return;
        }
        Value container = item.get(path.head());
        if (container == null) {
            throw invalidPath();
        }
        item.put(path.head(), replaceIn(container, els, 1, null, true));
    }

    /** A copy of container with the element at els[i..] set to v (or removed). */
    private static Value replaceIn(Value container, List<Path.Element> els, int i, Value v, boolean removing) {
        Path.Element el = els.get(i);
        boolean last = i == els.size() - 1;
        if (el instanceof Path.Name n && container instanceof Value.M m) {
            Map<String, Value> copy = new LinkedHashMap<>(m.value());
            if (last) {
                if (removing) {
                    copy.remove(n.name());
                } else {
                    copy.put(n.name(), v);
                }
            } else {
                Value child = copy.get(n.name());
                if (child == null) {
                    throw invalidPath();
                }
                copy.put(n.name(), replaceIn(child, els, i + 1, v, removing));
            }
            return new Value.M(copy);
        }
        if (el instanceof Path.Index idx && container instanceof Value.L l) {
            List<Value> copy = new ArrayList<>(l.value());
            int at = idx.index();
            if (last) {
                if (removing) {
                    if (at < copy.size()) {
                        copy.remove(at);
                    }
                } else if (at < copy.size()) {
                    copy.set(at, v);
                } else {
                    copy.add(v);
                }
            } else {
                if (at >= copy.size()) {
                    throw invalidPath();
                }
                copy.set(at, replaceIn(copy.get(at), els, i + 1, v, removing));
            }
            return new Value.L(copy);
        }
        throw invalidPath();
    }
}
