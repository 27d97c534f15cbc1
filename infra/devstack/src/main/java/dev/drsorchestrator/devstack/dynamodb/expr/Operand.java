package dev.drsorchestrator.devstack.dynamodb.expr;

import dev.drsorchestrator.devstack.dynamodb.DynamoErrors;
import dev.drsorchestrator.devstack.dynamodb.Value;
import dev.drsorchestrator.devstack.dynamodb.Values;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Something an expression reads a value from: a document path, a {@code :value}, {@code size(path)} (conditions), or
 * in a SET action {@code if_not_exists}, {@code list_append} and {@code +}/{@code -}. {@link #eval} gives null for a
 * missing attribute; update operands that need a value fail as AWS does instead.
 */
public sealed interface Operand {

    @Nullable
    Value eval(Map<String, Value> item);

    /** Adds the top-level attribute this operand reads, if any, to {@code out}. */
    default void readAttributes(Set<String> out) {}

    record PathOperand(Path path) implements Operand {
        @Override
        public void readAttributes(Set<String> out) {
            out.add(path.head());
        }

        @Override
        public @Nullable Value eval(Map<String, Value> item) {
            return path.resolve(item);
        }
    }

    record Literal(String placeholder, Value value) implements Operand {
        @Override
        public Value eval(Map<String, Value> item) {
            return value;
        }
    }

    /** {@code size(path)}: a string's length, a binary's bytes, a set's, list's or map's entries. */
    record Size(Path path) implements Operand {
        @Override
        public void readAttributes(Set<String> out) {
            out.add(path.head());
        }

        @Override
        public @Nullable Value eval(Map<String, Value> item) {
            Value v = path.resolve(item);
            long size;
            if (v instanceof Value.S s) {
                size = s.value().codePointCount(0, s.value().length());
            } else if (v instanceof Value.B b) {
                size = b.value().length();
            } else if (v instanceof Value.SS s) {
                size = s.value().size();
            } else if (v instanceof Value.NS s) {
                size = s.value().size();
            } else if (v instanceof Value.BS s) {
                size = s.value().size();
            } else if (v instanceof Value.L l) {
                size = l.value().size();
            } else if (v instanceof Value.M m) {
                size = m.value().size();
            } else {
                return null;
            }
            return new Value.N(BigDecimal.valueOf(size));
        }
    }

    /** {@code if_not_exists(path, operand)}. */
    record IfNotExists(Path path, Operand otherwise) implements Operand {
        @Override
        public @Nullable Value eval(Map<String, Value> item) {
            Value v = path.resolve(item);
            return v != null ? v : otherwise.eval(item);
        }
    }

    /** {@code list_append(a, b)}: both must be lists. */
    record ListAppend(Operand first, Operand second) implements Operand {
        @Override
        public Value eval(Map<String, Value> item) {
            Value a = required(first, item);
            Value b = required(second, item);
            if (!(a instanceof Value.L la) || !(b instanceof Value.L lb)) {
                throw incorrectType();
            }
            List<Value> joined = new ArrayList<>(la.value());
            joined.addAll(lb.value());
            return new Value.L(joined);
        }
    }

    /** {@code a + b} or {@code a - b}: both must be numbers. */
    record Arithmetic(Operand left, boolean plus, Operand right) implements Operand {
        @Override
        public Value eval(Map<String, Value> item) {
            Value a = required(left, item);
            Value b = required(right, item);
            if (!(a instanceof Value.N na) || !(b instanceof Value.N nb)) {
                throw incorrectType();
            }
            BigDecimal result = plus ? na.value().add(nb.value()) : na.value().subtract(nb.value());
            return new Value.N(Values.number(result.toPlainString()));
        }
    }

    /** An update operand's value: a missing attribute is AWS's "refers to an attribute that does not exist". */
    static Value required(Operand operand, Map<String, Value> item) {
        Value v = operand.eval(item);
        if (v == null) {
            throw DynamoErrors.validation(
                    "The provided expression refers to an attribute that does not exist in the item");
        }
        return v;
    }

    static RuntimeException incorrectType() {
        return DynamoErrors.validation("An operand in the update expression has an incorrect data type");
    }
}
