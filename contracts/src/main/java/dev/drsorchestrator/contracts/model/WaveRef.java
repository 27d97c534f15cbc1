package dev.drsorchestrator.contracts.model;

import dev.drsorchestrator.contracts.Require;
import dev.drsorchestrator.contracts.ids.WaveId;

/** A wave of an execution as people read it: its id, name and position ("wave 2 of 3"). */
public record WaveRef(WaveId waveId, String name, int index, int total) {

    public WaveRef {
        Require.nonNull(waveId, "wave.waveId");
        Require.text(name, "wave.name");
        Require.positive(index, "wave.index");
        Require.positive(total, "wave.total");
        if (index > total) {
            throw new IllegalArgumentException("wave.index " + index + " is beyond wave.total " + total);
        }
    }
}
