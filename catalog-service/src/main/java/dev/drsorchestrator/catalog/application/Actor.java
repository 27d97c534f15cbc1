package dev.drsorchestrator.catalog.application;

import org.jspecify.annotations.Nullable;

/**
 * Who asked for a change: the verified caller of the API (readable name and token subject), or the service itself
 * for inventory-driven changes (no subject).
 */
public record Actor(String name, @Nullable String id) {

    public static final Actor SERVICE = new Actor("catalog-service", null);
}
