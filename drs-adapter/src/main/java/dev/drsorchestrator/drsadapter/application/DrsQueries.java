package dev.drsorchestrator.drsadapter.application;

import dev.drsorchestrator.contracts.ids.ExecutionId;
import dev.drsorchestrator.drsadapter.domain.InventoryState;
import dev.drsorchestrator.drsadapter.domain.JobPhase;
import dev.drsorchestrator.drsadapter.domain.JobRequest;
import dev.drsorchestrator.drsadapter.domain.JobStore;
import dev.drsorchestrator.drsadapter.domain.Quotas;
import dev.drsorchestrator.drsadapter.domain.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** What the REST API reads: the jobs the adapter launched, and the accounts it watches. */
@ApplicationScoped
public class DrsQueries {

    private final JobStore store;
    private final Accounts accounts;

    DrsQueries(JobStore store, Accounts accounts) {
        this.store = store;
        this.accounts = accounts;
    }

    public JobStore.Page<JobRequest> jobsOf(ExecutionId execution, int limit, @Nullable String cursor) {
        return store.jobsOf(execution, limit, cursor);
    }

    /** Jobs queued or in flight, in queue order. */
    public List<JobRequest> openJobs() {
        return store.openJobs();
    }

    /** An account's view: configuration, last sync, and the jobs it has queued and in flight. */
    public record AccountView(
            Scope scope,
            @Nullable String roleArn,
            Quotas quotas,
            Optional<InventoryState> inventory,
            int jobsQueued,
            int jobsInFlight,
            int serversInFlight) {}

    public List<AccountView> accounts() {
        List<JobRequest> open = store.openJobs();
        return accounts.scopes().stream()
                .map(scope -> {
                    List<JobRequest> mine =
                            open.stream().filter(j -> j.scope().equals(scope)).toList();
                    return new AccountView(
                            scope,
                            accounts.account(scope).flatMap(a -> a.roleArn()).orElse(null),
                            accounts.quotas(scope),
                            store.inventory(scope),
                            (int) mine.stream()
                                    .filter(j -> j.phase == JobPhase.QUEUED)
                                    .count(),
                            (int) mine.stream()
                                    .filter(JobRequest::holdsCapacity)
                                    .count(),
                            mine.stream()
                                    .filter(JobRequest::holdsCapacity)
                                    .mapToInt(j -> j.members.size())
                                    .sum());
                })
                .toList();
    }
}
