package dev.drsorchestrator.catalog.application;

/** Who asked for a change: a user name from the API, or the service itself for inventory-driven changes. */
public record Actor(String name) {

    public static final Actor SERVICE = new Actor("catalog-service");
}
