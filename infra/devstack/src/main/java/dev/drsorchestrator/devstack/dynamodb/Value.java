package dev.drsorchestrator.devstack.dynamodb;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One DynamoDB attribute value, immutable: S, N, B, BOOL, NULL, M, L, SS, NS, BS. Numbers are held as normalized
 * {@link BigDecimal}s (DynamoDB keeps 38 significant digits and answers {@code 1.50} as {@code 1.5}); strings order by
 * their UTF-8 bytes and binaries by unsigned bytes, as DynamoDB orders sort keys. {@link Values} reads and writes the
 * wire form.
 */
public sealed interface Value {

    /** The type descriptor: {@code S}, {@code N}, {@code B}, {@code BOOL}, {@code NULL}, {@code M}, … */
    String type();

    /** The item-size contribution of this value, by DynamoDB's accounting rules. */
    long size();

    record S(String value) implements Value {
        @Override
        public String type() {
            return "S";
        }

        @Override
        public long size() {
            return utf8Length(value);
        }
    }

    record N(BigDecimal value) implements Value {
        public N {
            value = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
        }

        @Override
        public String type() {
            return "N";
        }

        @Override
        public long size() {
            return (value.precision() + 1) / 2 + 1;
        }

        /** The canonical text DynamoDB answers with: no exponent, no trailing zeros. */
        public String text() {
            return value.toPlainString();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof N n && n.value.compareTo(value) == 0;
        }

        @Override
        public int hashCode() {
            return value.hashCode();
        }
    }

    record B(Bytes value) implements Value {
        @Override
        public String type() {
            return "B";
        }

        @Override
        public long size() {
            return value.length();
        }
    }

    record Bool(boolean value) implements Value {
        @Override
        public String type() {
            return "BOOL";
        }

        @Override
        public long size() {
            return 1;
        }
    }

    record Null() implements Value {
        @Override
        public String type() {
            return "NULL";
        }

        @Override
        public long size() {
            return 1;
        }
    }

    /** A map; entries keep a stable (sorted) order so that equal maps render alike. */
    record M(Map<String, Value> value) implements Value {
        public M {
            value = Collections.unmodifiableMap(new TreeMap<>(value));
        }

        @Override
        public String type() {
            return "M";
        }

        @Override
        public long size() {
            long size = 3;
            for (Map.Entry<String, Value> e : value.entrySet()) {
                size += utf8Length(e.getKey()) + e.getValue().size() + 1;
            }
            return size;
        }
    }

    record L(List<Value> value) implements Value {
        public L {
            value = List.copyOf(value);
        }

        @Override
        public String type() {
            return "L";
        }

        @Override
        public long size() {
            long size = 3;
            for (Value v : value) {
                size += v.size() + 1;
            }
            return size;
        }
    }

    record SS(SortedSet<String> value) implements Value {
        public SS {
            TreeSet<String> copy = new TreeSet<>(Value::compareUtf8);
            copy.addAll(value);
            value = Collections.unmodifiableSortedSet(copy);
        }

        @Override
        public String type() {
            return "SS";
        }

        @Override
        public long size() {
            return value.stream().mapToLong(Value::utf8Length).sum();
        }
    }

    record NS(SortedSet<BigDecimal> value) implements Value {
        public NS {
            TreeSet<BigDecimal> copy = new TreeSet<>();
            value.forEach(n -> copy.add(new N(n).value()));
            value = Collections.unmodifiableSortedSet(copy);
        }

        @Override
        public String type() {
            return "NS";
        }

        @Override
        public long size() {
            return value.stream().mapToLong(n -> new N(n).size()).sum();
        }
    }

    record BS(SortedSet<Bytes> value) implements Value {
        public BS {
            value = Collections.unmodifiableSortedSet(new TreeSet<>(value));
        }

        @Override
        public String type() {
            return "BS";
        }

        @Override
        public long size() {
            return value.stream().mapToLong(Bytes::length).sum();
        }
    }

    /** Immutable bytes with value equality and DynamoDB's order (unsigned, byte by byte). */
    final class Bytes implements Comparable<Bytes> {
        private final byte[] bytes;

        public Bytes(byte[] bytes) {
            this.bytes = bytes.clone();
        }

        public static Bytes ofBase64(String base64) {
            return new Bytes(Base64.getDecoder().decode(base64));
        }

        public int length() {
            return bytes.length;
        }

        public byte[] toArray() {
            return bytes.clone();
        }

        public String base64() {
            return Base64.getEncoder().encodeToString(bytes);
        }

        public boolean startsWith(Bytes prefix) {
            return prefix.bytes.length <= bytes.length
                    && Arrays.equals(bytes, 0, prefix.bytes.length, prefix.bytes, 0, prefix.bytes.length);
        }

        @Override
        public int compareTo(Bytes o) {
            return Arrays.compareUnsigned(bytes, o.bytes);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Bytes b && Arrays.equals(bytes, b.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return base64();
        }
    }

    static long utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    /** Orders strings as DynamoDB does: by their UTF-8 bytes, which is code point order. */
    static int compareUtf8(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    /**
     * Compares two scalars of one orderable type (S, N, B). Returns null when they cannot be ordered (different types,
     * or a type that has no order), which makes a comparison in a condition false.
     */
    static Integer compare(Value a, Value b) {
        if (a instanceof S x && b instanceof S y) {
            return compareUtf8(x.value(), y.value());
        }
        if (a instanceof N x && b instanceof N y) {
            return x.value().compareTo(y.value());
        }
        if (a instanceof B x && b instanceof B y) {
            return x.value().compareTo(y.value());
        }
        return null;
    }
}
