package dev.drsorchestrator.contracts.events.drs;

import dev.drsorchestrator.contracts.Require;
import dev.drsorchestrator.contracts.ids.AccountId;
import dev.drsorchestrator.contracts.ids.DrsJobId;
import dev.drsorchestrator.contracts.ids.ExecutionId;
import dev.drsorchestrator.contracts.ids.RecoveryInstanceId;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A drill cleanup ran in one account and region: which instances went, and which could not. */
public record RecoveryInstancesTerminated(
        ExecutionId executionId,
        AccountId accountId,
        String region,
        @Nullable DrsJobId terminationJobId,
        List<RecoveryInstanceId> terminated,
        List<TerminationFailure> failed)
        implements DrsAdapterEvent {

    public RecoveryInstancesTerminated {
        Require.nonNull(executionId, "executionId");
        Require.nonNull(accountId, "accountId");
        Require.region(region, "region");
        terminated = Require.list(terminated, "terminated");
        failed = Require.list(failed, "failed");
    }
}
