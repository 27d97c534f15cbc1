package dev.drsorchestrator.drsadapter.adapter.in.rest;

import dev.drsorchestrator.contracts.ids.DrsJobId;
import dev.drsorchestrator.contracts.ids.ExecutionId;
import dev.drsorchestrator.contracts.model.JobStatus;
import dev.drsorchestrator.contracts.model.ServerLaunchState;
import dev.drsorchestrator.drsadapter.application.DrsQueries;
import dev.drsorchestrator.drsadapter.application.InventoryService;
import dev.drsorchestrator.drsadapter.domain.InventoryState;
import dev.drsorchestrator.drsadapter.domain.JobKind;
import dev.drsorchestrator.drsadapter.domain.JobPhase;
import dev.drsorchestrator.drsadapter.domain.JobRequest;
import dev.drsorchestrator.drsadapter.domain.JobStore;
import dev.drsorchestrator.drsadapter.domain.Member;
import dev.drsorchestrator.drsadapter.domain.Quotas;
import dev.drsorchestrator.kit.auth.Roles;
import dev.drsorchestrator.kit.rest.Cursors;
import dev.drsorchestrator.kit.rest.FieldError;
import dev.drsorchestrator.kit.rest.Page;
import dev.drsorchestrator.kit.rest.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jspecify.annotations.Nullable;

@Path("/drs")
@Produces(MediaType.APPLICATION_JSON)
public class DrsResource {

    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 200;

    private final DrsQueries queries;
    private final InventoryService inventory;

    DrsResource(DrsQueries queries, InventoryService inventory) {
        this.queries = queries;
        this.inventory = inventory;
    }

    /** A job the adapter launched (or will): where it is, what DRS shows, and each server's result. */
    public record JobItem(
            String id,
            JobKind kind,
            String executionId,
            @Nullable String waveId,
            int attempt,
            int batch,
            int batchCount,
            String accountId,
            String region,
            boolean drill,
            JobPhase phase,
            @Nullable DrsJobId jobId,
            @Nullable JobStatus jobStatus,
            int serverCount,
            List<ServerLaunchState> servers,
            List<String> queuedServers,
            Instant createdAt,
            @Nullable Instant launchedAt,
            @Nullable Instant endedAt,
            int launchAttempts,
            @Nullable String lastError) {

        static JobItem of(JobRequest j) {
            return new JobItem(
                    j.id,
                    j.kind,
                    j.executionId.value(),
                    j.waveId == null ? null : j.waveId.value(),
                    j.attempt,
                    j.batch,
                    j.batchCount,
                    j.accountId,
                    j.region,
                    j.drill,
                    j.phase,
                    j.jobId,
                    j.jobStatus,
                    j.members.size(),
                    new ArrayList<>(j.reported.values()),
                    j.reported.isEmpty()
                            ? j.members.stream()
                                    .map(Member::sourceServerId)
                                    .map(Object::toString)
                                    .toList()
                            : List.of(),
                    j.createdAt,
                    j.launchedAt,
                    j.endedAt,
                    j.launchAttempts,
                    j.lastError);
        }
    }

    @GET
    @Path("/jobs")
    @RolesAllowed(Roles.VIEWER)
    @Operation(
            summary = "The DRS jobs the adapter launched for an execution (?execution=), or, without it, the jobs"
                    + " queued and in flight, in queue order")
    public Page<JobItem> jobs(
            @QueryParam("execution") String execution,
            @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        List<FieldError> errors = new ArrayList<>();
        int size = DEFAULT_LIMIT;
        try {
            size = Cursors.limit(limit, DEFAULT_LIMIT, MAX_LIMIT);
        } catch (ProblemException e) {
            errors.addAll(e.errors());
        }
        ExecutionId id = null;
        if (execution != null && !ExecutionId.PATTERN.matcher(execution).matches()) {
            errors.add(new FieldError("execution", "is not an execution id (exec-<uuid>): " + execution));
        } else if (execution != null) {
            id = ExecutionId.of(execution);
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        if (id != null) {
            JobStore.Page<JobRequest> page = queries.jobsOf(id, size, cursor);
            return new Page<>(page.items().stream().map(JobItem::of).toList(), page.nextCursor());
        }
        return inMemoryPage(queries.openJobs().stream().map(JobItem::of).toList(), size, cursor);
    }

    /** An account and region the adapter watches. */
    public record AccountItem(
            String accountId,
            String region,
            @Nullable String roleArn,
            boolean reachable,
            @Nullable String lastError,
            @Nullable Integer serverCount,
            @Nullable Integer readyCount,
            @Nullable Instant lastSyncAt,
            @Nullable Instant lastAttemptAt,
            @Nullable Integer lastSyncChanges,
            Quotas quotas,
            int jobsQueued,
            int jobsInFlight,
            int serversInFlight) {}

    @GET
    @Path("/accounts")
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "Each account and region: reachability, source servers, last inventory sync, jobs in flight")
    public Page<AccountItem> accounts(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        int size = Cursors.limit(limit, DEFAULT_LIMIT, MAX_LIMIT);
        List<AccountItem> items = queries.accounts().stream()
                .map(a -> {
                    InventoryState s = a.inventory().orElse(null);
                    return new AccountItem(
                            a.scope().accountId().value(),
                            a.scope().region(),
                            a.roleArn(),
                            s != null && s.reachable,
                            s == null ? "not synced yet" : s.lastError,
                            s == null ? null : s.serverCount,
                            s == null ? null : s.readyCount,
                            s == null ? null : s.lastSyncAt,
                            s == null ? null : s.lastAttemptAt,
                            s == null ? null : s.lastChanges,
                            a.quotas(),
                            a.jobsQueued(),
                            a.jobsInFlight(),
                            a.serversInFlight());
                })
                .toList();
        return inMemoryPage(items, size, cursor);
    }

    @POST
    @Path("/accounts/sync")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Sync the inventory of every account now; answers what each sync saw and published")
    public List<InventoryService.SyncResult> sync() {
        return inventory.syncAll();
    }

    private static <T> Page<T> inMemoryPage(List<T> all, int size, @Nullable String cursor) {
        int from = 0;
        Map<String, String> position = Cursors.decode(cursor);
        if (position != null) {
            try {
                from = Integer.parseInt(position.getOrDefault("index", ""));
            } catch (NumberFormatException e) {
                from = -1;
            }
            if (from < 0 || from > all.size()) {
                throw ProblemException.invalid(
                        "cursor", "is not a cursor this list returned; pass nextCursor unchanged, or omit it");
            }
        }
        int to = Math.min(all.size(), from + size);
        String next = to < all.size() ? Cursors.encode(Map.of("index", Integer.toString(to))) : null;
        return new Page<>(all.subList(from, to), next);
    }
}
