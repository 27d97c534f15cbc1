package dev.drsorchestrator.contracts.routing;

import dev.drsorchestrator.contracts.Require;
import java.util.List;

/** One consumer receiving some detail-types of one source. */
public record Subscription(Service consumer, EventSource source, List<String> detailTypes) {

    public Subscription {
        Require.nonNull(consumer, "consumer");
        Require.nonNull(source, "source");
        detailTypes = Require.nonEmptyList(detailTypes, "detailTypes");
    }
}
