package dev.drsorchestrator.plan.domain;

import dev.drsorchestrator.contracts.ids.WaveId;
import dev.drsorchestrator.contracts.model.FailbackOptions;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How a plan returns to its origin (REPROTECT and FAILBACK).
 *
 * @param waveOrder the waves in the order they return, each once (each waits for the one before it); absent: the
 *     plan's dependencies reversed (a wave returns after every wave that depended on it)
 * @param restoreDirection FAILBACK: protect the origin again in the original direction afterwards
 * @param terminateRecoveryInstances FAILBACK: terminate the recovery instances once an operator confirms it
 */
public record FailbackSettings(
        @Nullable List<WaveId> waveOrder, boolean restoreDirection, boolean terminateRecoveryInstances) {

    /** What a plan that says nothing (or was stored before the field existed) returns with. */
    public static final FailbackSettings DEFAULTS = new FailbackSettings(null, true, true);

    public FailbackSettings {
        waveOrder = waveOrder == null ? null : List.copyOf(waveOrder);
    }

    /** What a FAILBACK carries to execution-service. */
    public FailbackOptions options() {
        return new FailbackOptions(restoreDirection, terminateRecoveryInstances);
    }
}
