package dev.drsorchestrator.devstack.dynamodb.expr;

import dev.drsorchestrator.devstack.dynamodb.Value;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A parsed condition (ConditionExpression, FilterExpression, or a KeyConditionExpression before it is checked against
 * the key schema). {@link #test} evaluates it against an item; an absent item is the empty map. Comparisons with a
 * missing attribute or between different types are false, except {@code <>}, which is true unless both sides are
 * equal.
 */
public sealed interface Condition {

    boolean test(Map<String, Value> item);

    /** Adds the top-level attributes this condition reads to {@code out}. */
    void readAttributes(Set<String> out);

    /** The top-level attributes this condition reads. */
    default Set<String> attributes() {
        Set<String> out = new HashSet<>();
        readAttributes(out);
        return out;
    }

    private static void read(Set<String> out, Operand... operands) {
        for (Operand o : operands) {
            o.readAttributes(out);
        }
    }

    enum Comparator {
        EQ("="),
        NE("<>"),
        LT("<"),
        LE("<="),
        GT(">"),
        GE(">=");

        final String symbol;

        Comparator(String symbol) {
            this.symbol = symbol;
        }

        static Comparator of(String symbol) {
            for (Comparator c : values()) {
                if (c.symbol.equals(symbol)) {
                    return c;
                }
            }
            return null;
        }

        boolean holds(Value a, Value b) {
            if (this == EQ) {
                return a != null && a.equals(b);
            }
            if (this == NE) {
                return !Objects.equals(a, b);
            }
            if (a == null || b == null) {
                return false;
            }
            Integer order = Value.compare(a, b);
            if (order == null) {
                return false;
            }
            return switch (this) {
                case LT -> order < 0;
                case LE -> order <= 0;
                case GT -> order > 0;
                default -> order >= 0;
            };
        }
    }

    record Compare(Operand left, Comparator comparator, Operand right) implements Condition {
        @Override
        public void readAttributes(Set<String> out) {
            read(out, left, right);
        }

        @Override
        public boolean test(Map<String, Value> item) {
            return comparator.holds(left.eval(item), right.eval(item));
        }
    }

    record Between(Operand value, Operand low, Operand high) implements Condition {
        @Override
        public void readAttributes(Set<String> out) {
            read(out, value, low, high);
        }

        @Override
        public boolean test(Map<String, Value> item) {
            Value v = value.eval(item);
            return Comparator.GE.holds(v, low.eval(item)) && Comparator.LE.holds(v, high.eval(item));
        }
    }

    record In(Operand value, List<Operand> candidates) implements Condition {
        @Override
        public void readAttributes(Set<String> out) {
            read(out, value);
            candidates.forEach(c -> c.readAttributes(out));
        }

        @Override
        public boolean test(Map<String, Value> item) {
            Value v = value.eval(item);
            return v != null && candidates.stream().anyMatch(c -> v.equals(c.eval(item)));
        }
    }

    record And(Condition left, Condition right) implements Condition {
        @Override
        public void readAttributes(Set<String> out) {
            left.readAttributes(out);
            right.readAttributes(out);
        }

        @Override
        public boolean test(Map<String, Value> item) {
            return left.test(item) && right.test(item);
        }
    }

    record Or(Condition left, Condition right) implements Condition {
        @Override
        public void readAttributes(Set<String> out) {
            left.readAttributes(out);
            right.readAttributes(out);
        }

        @Override
        public boolean test(Map<String, Value> item) {
            return left.test(item) || right.test(item);
        }
    }

    record Not(Condition inner) implements Condition {
        @Override
        public void readAttributes(Set<String> out) {
            inner.readAttributes(out);
        }

        @Override
        public boolean test(Map<String, Value> item) {
            return !inner.test(item);
        }
    }

    record AttributeExists(Path path, boolean exists) implements Condition {
        @Override
        public void readAttributes(Set<String> out) {
            out.add(path.head());
        }

        @Override
        public boolean test(Map<String, Value> item) {
            return (path.resolve(item) != null) == exists;
        }
    }

    record AttributeType(Path path, String type) implements Condition {
        @Override
        public void readAttributes(Set<String> out) {
            out.add(path.head());
        }

        @Override
        public boolean test(Map<String, Value> item) {
            Value v = path.resolve(item);
            return v != null && v.type().equals(type);
        }
    }

    record BeginsWith(Operand value, Operand prefix) implements Condition {
        @Override
        public void readAttributes(Set<String> out) {
            read(out, value, prefix);
        }

        @Override
        public boolean test(Map<String, Value> item) {
            Value v = value.eval(item);
            Value p = prefix.eval(item);
            if (v instanceof Value.S s && p instanceof Value.S ps) {
                return s.value().startsWith(ps.value());
            }
            if (v instanceof Value.B b && p instanceof Value.B pb) {
                return b.value().startsWith(pb.value());
            }
            return false;
        }
    }

    record Contains(Operand container, Operand element) implements Condition {
        @Override
        public void readAttributes(Set<String> out) {
            read(out, container, element);
        }

        @Override
        public boolean test(Map<String, Value> item) {
            Value c = container.eval(item);
            Value e = element.eval(item);
            if (c == null || e == null) {
                return false;
            }
            if (c instanceof Value.S s && e instanceof Value.S es) {
                return s.value().contains(es.value());
            }
            if (c instanceof Value.B b && e instanceof Value.B eb) {
                return indexOf(b.value().toArray(), eb.value().toArray()) >= 0;
            }
            if (c instanceof Value.SS ss && e instanceof Value.S es) {
                return ss.value().contains(es.value());
            }
            if (c instanceof Value.NS ns && e instanceof Value.N en) {
                return ns.value().contains(en.value());
            }
            if (c instanceof Value.BS bs && e instanceof Value.B eb) {
                return bs.value().contains(eb.value());
            }
            if (c instanceof Value.L l) {
                return l.value().contains(e);
            }
            return false;
        }

        private static int indexOf(byte[] haystack, byte[] needle) {
            outer:
            for (int i = 0; i + needle.length <= haystack.length; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (haystack[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }
    }
}
