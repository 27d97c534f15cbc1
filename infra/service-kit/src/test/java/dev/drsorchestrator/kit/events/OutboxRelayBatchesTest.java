package dev.drsorchestrator.kit.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drsorchestrator.contracts.EventCodec.OutgoingEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutboxRelayBatchesTest {

    private static Outbox.Entry entry(int i, int detailBytes) {
        String detail = "{\"x\":\"" + "a".repeat(detailBytes - 8) + "\"}";
        return new Outbox.Entry(
                "0",
                String.format("%013d#e%d", i, i),
                new OutgoingEvent("drs-orchestrator.test", "T", "e" + i, detail));
    }

    @Test
    void tenSmallEventsGoInOneRequestAndTheEleventhInTheNext() {
        List<Outbox.Entry> entries = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            entries.add(entry(i, 100));
        }
        assertThat(OutboxRelay.batches(entries)).extracting(List::size).containsExactly(10, 1);
    }

    @Test
    void largeEventsAreSplitSoNoRequestExceedsPutEventsLimit() {
        List<Outbox.Entry> entries = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            entries.add(entry(i, 100_000));
        }
        List<List<Outbox.Entry>> batches = OutboxRelay.batches(entries);
        assertThat(batches).extracting(List::size).containsExactly(2, 2, 2, 1);
        for (List<Outbox.Entry> batch : batches) {
            assertThat(batch.stream().mapToLong(OutboxRelay::size).sum())
                    .isLessThanOrEqualTo(OutboxRelay.PUT_EVENTS_MAX_BYTES);
        }
        assertThat(batches.stream().flatMap(List::stream)).containsExactlyElementsOf(entries);
    }
}
