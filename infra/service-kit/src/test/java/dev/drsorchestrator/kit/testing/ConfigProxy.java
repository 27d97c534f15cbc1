package dev.drsorchestrator.kit.testing;

import java.lang.reflect.Proxy;
import java.util.Map;

/** A configuration mapping (such as {@code KitConfig}) for a unit test: each method answers its value in a map. */
public final class ConfigProxy {

    private ConfigProxy() {}

    /** An instance of {@code type} whose methods return {@code values} by method name; any other call fails. */
    @SuppressWarnings("unchecked")
    public static <T> T of(Class<T> type, Map<String, Object> values) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, method, args) -> {
            Object v = values.get(method.getName());
            if (v == null) {
                throw new UnsupportedOperationException(method.getName());
            }
            return v;
        });
    }
}
