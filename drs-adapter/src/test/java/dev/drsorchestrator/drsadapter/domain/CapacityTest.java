package dev.drsorchestrator.drsadapter.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drsorchestrator.contracts.ids.ExecutionId;
import dev.drsorchestrator.contracts.ids.SourceServerId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CapacityTest {

    private static final Quotas QUOTAS = new Quotas(100, 2, 150, 200);

    @Test
    void startsQueuedJobsInQueueOrderWhileTheQuotasHold() {
        List<JobRequest> open = List.of(job("b", 60, JobPhase.QUEUED, 0), job("a", 100, JobPhase.QUEUED, 100));
        assertThat(Capacity.startable(open, s -> QUOTAS))
                .extracting(j -> j.queueKey)
                .containsExactly("a");
    }

    @Test
    void aJobThatDoesNotFitHoldsBackLaterOnesOfItsAccountButNotOthers() {
        List<JobRequest> open = new ArrayList<>();
        open.add(job("1", 100, JobPhase.ACTIVE, 0));
        open.add(job("2", 100, JobPhase.QUEUED, 200)); // 100 + 100 > 150
        open.add(job("3", 10, JobPhase.QUEUED, 300)); // would fit, but is younger
        JobRequest elsewhere = job("4", 10, JobPhase.QUEUED, 400);
        elsewhere.accountId = "999999999999";
        open.add(elsewhere);
        assertThat(Capacity.startable(open, s -> QUOTAS))
                .extracting(j -> j.queueKey)
                .containsExactly("4");
    }

    @Test
    void concurrentJobsAndServersInAnotherJobBlockAStart() {
        List<JobRequest> open = List.of(
                job("1", 10, JobPhase.INTENT, 0), job("2", 10, JobPhase.ACTIVE, 10), job("3", 10, JobPhase.QUEUED, 20));
        assertThat(Capacity.startable(open, s -> QUOTAS)).isEmpty();

        JobRequest busy = job("1", 10, JobPhase.ACTIVE, 0);
        JobRequest same = job("2", 10, JobPhase.QUEUED, 0); // the same 10 servers
        assertThat(Capacity.startable(List.of(busy, same), s -> QUOTAS)).isEmpty();
    }

    private static JobRequest job(String key, int servers, JobPhase phase, int firstServer) {
        JobRequest j = new JobRequest();
        j.id = key;
        j.queueKey = key;
        j.kind = JobKind.LAUNCH;
        j.executionId = ExecutionId.random();
        j.accountId = "111111111111";
        j.region = "us-east-1";
        j.phase = phase;
        j.createdAt = Instant.EPOCH;
        j.members = IntStream.range(firstServer, firstServer + servers)
                .mapToObj(i -> new Member(SourceServerId.of(String.format("s-%017x", i)), null, null))
                .toList();
        return j;
    }
}
