package dev.drsorchestrator.devstack.dynamodb.store;

import dev.drsorchestrator.devstack.dynamodb.Value;
import java.util.Arrays;
import java.util.Comparator;

/**
 * The position of an item within a partition: its range key (tables), or the index's range key followed by the table's
 * key (indexes, whose keys need not be unique). Tuples order element by element in DynamoDB's key order; a tuple may
 * end in a {@link #MIN} or {@link #MAX} bound, which orders before or after every tuple it is a prefix of, so that
 * key conditions become sub-maps.
 */
public final class KeyTuple implements Comparable<KeyTuple> {
    static final int MIN = -1;
    static final int NONE = 0;
    static final int MAX = 1;

    /** S, N and B, each in its own order; key attributes of one table never mix types. */
    public static final Comparator<Value> KEY_ORDER = (a, b) -> {
        int byType = Integer.compare(rank(a), rank(b));
        if (byType != 0) {
            return byType;
        }
        Integer order = Value.compare(a, b);
        return order == null ? 0 : order;
    };

    private final Value[] parts;
    private final int bound;

    private KeyTuple(Value[] parts, int bound) {
        this.parts = parts;
        this.bound = bound;
    }

    public static KeyTuple of(Value... parts) {
        return new KeyTuple(parts.clone(), NONE);
    }

    /** Before every tuple that starts with {@code parts}. */
    public static KeyTuple lowest(Value... parts) {
        return new KeyTuple(parts.clone(), MIN);
    }

    /** After every tuple that starts with {@code parts}. */
    public static KeyTuple highest(Value... parts) {
        return new KeyTuple(parts.clone(), MAX);
    }

    public Value first() {
        return parts[0];
    }

    private static int rank(Value v) {
        if (v instanceof Value.S) {
            return 0;
        }
        if (v instanceof Value.N) {
            return 1;
        }
        return 2;
    }

    @Override
    public int compareTo(KeyTuple o) {
        int n = Math.min(parts.length, o.parts.length);
        for (int i = 0; i < n; i++) {
            int c = KEY_ORDER.compare(parts[i], o.parts[i]);
            if (c != 0) {
                return c;
            }
        }
        if (parts.length == o.parts.length) {
            return Integer.compare(bound, o.bound);
        }
        if (parts.length < o.parts.length) {
            return bound == NONE ? -1 : bound;
        }
        return o.bound == NONE ? 1 : -o.bound;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyTuple t && compareTo(t) == 0;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(parts) * 31 + bound;
    }

    @Override
    public String toString() {
        return Arrays.toString(parts) + (bound == MIN ? "-" : bound == MAX ? "+" : "");
    }
}
