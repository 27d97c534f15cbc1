package dev.drsorchestrator.contracts.routing;

/** The five services: each has one inbox queue, with a dead-letter queue, that the routing rules feed. */
public enum Service {
    CATALOG("catalog-service", EventSource.CATALOG_SERVICE),
    PLAN("plan-service", EventSource.PLAN_SERVICE),
    EXECUTION("execution-service", EventSource.EXECUTION_SERVICE),
    DRS_ADAPTER("drs-adapter", EventSource.DRS_ADAPTER),
    NOTIFIER("notifier", EventSource.NOTIFIER);

    /** Receives before a message goes to the dead-letter queue. */
    public static final int MAX_RECEIVE_COUNT = 5;

    private final String serviceName;
    private final EventSource eventSource;

    Service(String serviceName, EventSource eventSource) {
        this.serviceName = serviceName;
        this.eventSource = eventSource;
    }

    public String serviceName() {
        return serviceName;
    }

    /** The {@code source} of the events this service publishes. */
    public EventSource eventSource() {
        return eventSource;
    }

    /**
     * The inbox queue's name, {@code <service>-events}. The rules in {@link RoutingTable#rules(String, String)}
     * target exactly this name, so deployments create the queue under it.
     */
    public String inboxQueue() {
        return serviceName + "-events";
    }

    public String deadLetterQueue() {
        return inboxQueue() + "-dlq";
    }
}
