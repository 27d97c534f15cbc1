package dev.drsorchestrator.contracts;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Field checks for the compact constructors of event records. Each failure is an {@link IllegalArgumentException}
 * whose message names the field and the reason, so a malformed event says exactly what is wrong with it.
 */
public final class Require {

    private Require() {}

    public static <T> T nonNull(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }

    public static String text(String value, String field) {
        nonNull(value, field);
        if (value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        return value;
    }

    public static String matches(String value, Pattern pattern, String field) {
        nonNull(value, field);
        if (!pattern.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    field + " '" + value + "' does not match the pattern " + pattern.pattern());
        }
        return value;
    }

    /** An immutable copy of a required list; an absent list is an error, an empty one is not. */
    public static <T> List<T> list(List<T> value, String field) {
        nonNull(value, field);
        for (int i = 0; i < value.size(); i++) {
            if (value.get(i) == null) {
                throw new IllegalArgumentException(field + "[" + i + "] must not be null");
            }
        }
        return List.copyOf(value);
    }

    public static <T> List<T> nonEmptyList(List<T> value, String field) {
        List<T> copy = list(value, field);
        if (copy.isEmpty()) {
            throw new IllegalArgumentException(field + " must not be empty");
        }
        return copy;
    }

    /** An immutable copy of a map; an absent map becomes empty (maps here are always optional detail). */
    public static <K, V> Map<K, V> map(Map<K, V> value) {
        return value == null ? Map.of() : Map.copyOf(value);
    }

    /** An immutable copy of an optional list; an absent list becomes empty. */
    public static <T> List<T> optionalList(List<T> value, String field) {
        return value == null ? List.of() : list(value, field);
    }

    /** An AWS region name such as {@code us-east-1}, {@code eu-central-1} or {@code us-gov-west-1}. */
    public static final Pattern REGION = Pattern.compile("^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-[0-9]{1,2}$");

    public static String region(String value, String field) {
        return matches(value, REGION, field);
    }

    /** Text that must fit a bound, such as an output excerpt in an event. */
    public static String maxLength(String value, int max, String field) {
        if (value != null && value.length() > max) {
            throw new IllegalArgumentException(
                    field + " must be at most " + max + " characters but has " + value.length());
        }
        return value;
    }

    public static int nonNegative(int value, String field) {
        if (value < 0) {
            throw new IllegalArgumentException(field + " must be >= 0 but was " + value);
        }
        return value;
    }

    public static long nonNegative(long value, String field) {
        if (value < 0) {
            throw new IllegalArgumentException(field + " must be >= 0 but was " + value);
        }
        return value;
    }

    public static int positive(int value, String field) {
        if (value < 1) {
            throw new IllegalArgumentException(field + " must be >= 1 but was " + value);
        }
        return value;
    }
}
