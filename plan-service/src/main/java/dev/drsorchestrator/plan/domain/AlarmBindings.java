package dev.drsorchestrator.plan.domain;

import java.util.List;

/** A plan's alarm bindings at {@code version} (0: never set). */
public record AlarmBindings(List<AlarmBinding> bindings, long version) {

    public AlarmBindings {
        bindings = List.copyOf(bindings);
    }

    public static AlarmBindings none() {
        return new AlarmBindings(List.of(), 0);
    }
}
