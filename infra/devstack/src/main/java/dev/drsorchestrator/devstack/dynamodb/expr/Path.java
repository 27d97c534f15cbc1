package dev.drsorchestrator.devstack.dynamodb.expr;

import dev.drsorchestrator.devstack.dynamodb.Value;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A document path: a top-level attribute name followed by map keys and list indexes ({@code a.b[2].c}), with every
 * {@code #placeholder} already resolved to its name.
 */
public record Path(List<Element> elements) {

    /** One step of a path: a map key (or the top-level attribute) or a list index. */
    public sealed interface Element {}

    public record Name(String name) implements Element {
        @Override
        public String toString() {
            return name;
        }
    }

    public record Index(int index) implements Element {
        @Override
        public String toString() {
            return "[" + index + "]";
        }
    }

    public Path {
        elements = List.copyOf(elements);
        if (elements.isEmpty() || !(elements.get(0) instanceof Name)) {
            throw new IllegalArgumentException("a path starts with an attribute name");
        }
    }

    public static Path of(String attribute) {
        return new Path(List.of(new Name(attribute)));
    }

    /** The top-level attribute this path starts at. */
    public String head() {
        return ((Name) elements.get(0)).name();
    }

    public boolean isTopLevel() {
        return elements.size() == 1;
    }

    /** The value at this path in the item, or null when any step is missing or of the wrong kind. */
    public @Nullable Value resolve(Map<String, Value> item) {
        Value current = item.get(head());
        for (int i = 1; i < elements.size() && current != null; i++) {
            current = step(current, elements.get(i));
        }
        return current;
    }

    static @Nullable Value step(Value container, Element element) {
        if (element instanceof Name n && container instanceof Value.M m) {
            return m.value().get(n.name());
        }
        if (element instanceof Index i && container instanceof Value.L l) {
            return i.index() < l.value().size() ? l.value().get(i.index()) : null;
        }
        return null;
    }

    /** Whether one path is a prefix of the other (or both are equal): they name overlapping parts of an item. */
    public boolean overlaps(Path other) {
        int n = Math.min(elements.size(), other.elements.size());
        return elements.subList(0, n).equals(other.elements.subList(0, n));
    }

    /** AWS's rendering in messages: {@code [a, b, [2]]}. */
    @Override
    public String toString() {
        return elements.stream().map(Object::toString).collect(Collectors.joining(", ", "[", "]"));
    }
}
