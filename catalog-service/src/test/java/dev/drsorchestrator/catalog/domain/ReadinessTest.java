package dev.drsorchestrator.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drsorchestrator.contracts.ids.AccountId;
import dev.drsorchestrator.contracts.ids.SourceServerId;
import dev.drsorchestrator.contracts.model.ReplicationState;
import dev.drsorchestrator.contracts.model.ServerNotReadyReason;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReadinessTest {

    static final SourceServerId ID = SourceServerId.of("s-00000000000000001");

    static SourceServer server(ReplicationState state, Long lag, Instant goneSince) {
        return new SourceServer(
                ID,
                "h",
                AccountId.of("111122223333"),
                "us-east-1",
                Map.of(),
                state,
                lag,
                null,
                null,
                null,
                Instant.now(),
                goneSince,
                null,
                true,
                null,
                null,
                null,
                null);
    }

    @Test
    void readyOnlyWhenContinuousWithinTheRpo() {
        assertThat(Readiness.of(ID, server(ReplicationState.CONTINUOUS, 10L, null), 60L)
                        .ready())
                .isTrue();
        assertThat(Readiness.of(ID, server(ReplicationState.CONTINUOUS, 61L, null), 60L)
                        .reason())
                .isEqualTo(ServerNotReadyReason.LAG_ABOVE_RPO);
        assertThat(Readiness.of(ID, server(ReplicationState.CONTINUOUS, 6100L, null), null)
                        .ready())
                .isTrue();
        assertThat(Readiness.of(ID, server(ReplicationState.BACKLOG, 1L, null), 60L)
                        .reason())
                .isEqualTo(ServerNotReadyReason.NOT_CONTINUOUS);
        assertThat(Readiness.of(ID, server(ReplicationState.DISCONNECTED, null, null), 60L)
                        .reason())
                .isEqualTo(ServerNotReadyReason.DISCONNECTED);
        assertThat(Readiness.of(ID, server(ReplicationState.CONTINUOUS, 1L, Instant.now()), 60L)
                        .reason())
                .isEqualTo(ServerNotReadyReason.NOT_FOUND);
        assertThat(Readiness.of(ID, null, 60L).detail()).contains("has not reported");
    }

    @Test
    void summaryCountsByReason() {
        Readiness.Summary s = Readiness.summarize(List.of(
                Readiness.of(ID, server(ReplicationState.CONTINUOUS, 1L, null), 60L),
                Readiness.of(ID, null, 60L),
                Readiness.of(ID, server(ReplicationState.STALLED, 1L, null), 60L)));
        assertThat(s.total()).isEqualTo(3);
        assertThat(s.ready()).isEqualTo(1);
        assertThat(s.notReadyByReason())
                .containsEntry(ServerNotReadyReason.NOT_FOUND, 1)
                .containsEntry(ServerNotReadyReason.NOT_CONTINUOUS, 1);
    }
}
