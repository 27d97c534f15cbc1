package dev.drsorchestrator.drsadapter.application;

import dev.drsorchestrator.contracts.EventCodec;
import dev.drsorchestrator.contracts.events.drs.NetworkInventoryChanged;
import dev.drsorchestrator.contracts.events.drs.SourceServerInventoryChanged;
import dev.drsorchestrator.contracts.events.drs.SourceServerState;
import dev.drsorchestrator.contracts.model.LaunchSettings;
import dev.drsorchestrator.drsadapter.config.DrsConfig;
import dev.drsorchestrator.drsadapter.domain.DrsCallFailed;
import dev.drsorchestrator.drsadapter.domain.InventoryDiff;
import dev.drsorchestrator.drsadapter.domain.InventoryState;
import dev.drsorchestrator.drsadapter.domain.JobStore;
import dev.drsorchestrator.drsadapter.domain.LaunchSettingsApi;
import dev.drsorchestrator.drsadapter.domain.Outgoing;
import dev.drsorchestrator.drsadapter.domain.RecoveryApi;
import dev.drsorchestrator.drsadapter.domain.Scope;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * Syncs the source-server inventory of each configured account and region: pages through every server, publishes
 * what changed as {@code SourceServerInventoryChanged} in chunks under 256 KB, and records counts and reachability
 * for GET /drs/accounts. Runs on a timer, when DRS says a server's replication stalled or recovered, and on request.
 */
@ApplicationScoped
public class InventoryService {

    private static final Logger LOG = Logger.getLogger(InventoryService.class);
    /** Lag is fingerprinted in steps of this many seconds, so a lag that wobbles does not republish the fleet. */
    static final long LAG_STEP_SECONDS = 30;

    private final RecoveryApi drs;
    private final LaunchSettingsApi launch;
    private final JobStore store;
    private final Accounts accounts;
    private final DrsConfig config;
    private final Clock clock;
    private final Set<String> dirty = ConcurrentHashMap.newKeySet();
    private final ExecutorService readers;
    private final Wakeup wakeup = new Wakeup();

    InventoryService(
            RecoveryApi drs,
            LaunchSettingsApi launch,
            JobStore store,
            Accounts accounts,
            DrsConfig config,
            Clock clock) {
        this.drs = drs;
        this.launch = launch;
        this.store = store;
        this.accounts = accounts;
        this.config = config;
        this.clock = clock;
        this.readers = Executors.newFixedThreadPool(config.inventory().launchSettingsConcurrency(), r -> {
            Thread t = new Thread(r, "drs-adapter-launch-reads");
            t.setDaemon(true);
            return t;
        });
    }

    @PreDestroy
    void close() {
        readers.shutdownNow();
    }

    public record SyncResult(
            Scope scope,
            boolean reachable,
            int servers,
            int published,
            int chunks,
            @Nullable String syncType,
            @Nullable String error) {}

    public Wakeup wakeup() {
        return wakeup;
    }

    /** A replication stall changed in this scope: sync it soon. */
    public void hint(Scope scope) {
        dirty.add(scope.key());
        wakeup.signal();
    }

    /** Scopes a DRS event marked for a sync; cleared. */
    public List<Scope> takeDirty() {
        List<Scope> out = new ArrayList<>();
        for (Scope s : accounts.scopes()) {
            if (dirty.remove(s.key())) {
                out.add(s);
            }
        }
        dirty.clear();
        return out;
    }

    public List<SyncResult> syncAll() {
        return accounts.scopes().stream().map(this::sync).toList();
    }

    public synchronized SyncResult sync(Scope scope) {
        Instant now = clock.instant();
        Optional<InventoryState> before = store.inventory(scope);
        InventoryState state = before.orElseGet(() -> {
            InventoryState s = new InventoryState();
            s.accountId = scope.accountId().value();
            s.region = scope.region();
            return s;
        });
        state.lastAttemptAt = now;
        List<SourceServerState> servers = new ArrayList<>();
        try {
            drs.eachSourceServerPage(scope, servers::addAll);
        } catch (DrsCallFailed e) {
            LOG.warnf("inventory sync of %s failed: %s", scope, e.getMessage());
            state.reachable = false;
            state.lastError = e.getMessage();
            saveQuietly(state, before.isEmpty(), List.of());
            return new SyncResult(scope, false, state.serverCount, 0, 0, null, e.getMessage());
        }
        NetworkInventoryChanged network = null;
        if (config.inventory().launchSettings()) {
            servers = withLaunchSettings(scope, servers);
            network = network(scope, now);
        }
        InventoryDiff.Result diff =
                InventoryDiff.diff(servers, state.fingerprints, before.isEmpty(), InventoryService::fingerprint);
        String syncId = "sync-" + UUID.randomUUID();
        List<SourceServerInventoryChanged> events = InventoryDiff.events(
                scope, diff, syncId, now, s -> EventCodec.writeJson(s).getBytes(StandardCharsets.UTF_8).length);
        List<Outgoing> out = new ArrayList<>();
        for (SourceServerInventoryChanged e : events) {
            out.add(new Outgoing(Metadata.of(scope.key(), null, null, now), e));
        }
        if (network != null) {
            String fingerprint = hash(EventCodec.writeJson(new NetworkInventoryChanged(
                    network.accountId(),
                    network.region(),
                    Instant.EPOCH,
                    network.subnets(),
                    network.securityGroups(),
                    network.instanceTypes())));
            if (!fingerprint.equals(state.networkFingerprint)) {
                out.add(new Outgoing(Metadata.of(scope.key(), null, null, now), network));
                state.networkFingerprint = fingerprint;
            }
        }
        state.fingerprints = diff.fingerprints();
        state.serverCount = servers.size();
        state.readyCount =
                (int) servers.stream().filter(s -> s.readyWithin(null)).count();
        state.lastSyncAt = now;
        state.lastChanges = diff.publish().size();
        state.lastChunks = events.size();
        state.reachable = true;
        state.lastError = null;
        try {
            store.saveInventory(state, before.isEmpty(), out);
        } catch (JobStore.Conflict e) {
            LOG.infof("inventory of %s was synced by another instance meanwhile", scope);
            return new SyncResult(scope, true, servers.size(), 0, 0, null, "synced by another instance meanwhile");
        }
        LOG.infof(
                "inventory of %s: %d server(s), %d published (%s) in %d chunk(s)",
                scope, servers.size(), diff.publish().size(), diff.type(), events.size());
        return new SyncResult(
                scope,
                true,
                servers.size(),
                diff.publish().size(),
                events.size(),
                diff.type().name(),
                null);
    }

    public List<Scope> scopes() {
        return accounts.scopes();
    }

    /** When the scope was last synced or tried (by any instance); the epoch if never. */
    public Instant lastAttempt(Scope scope) {
        return store.inventory(scope)
                .map(s -> s.lastAttemptAt)
                .filter(t -> t != null)
                .orElse(Instant.EPOCH);
    }

    private void saveQuietly(InventoryState state, boolean isNew, List<Outgoing> events) {
        try {
            store.saveInventory(state, isNew, events);
        } catch (JobStore.Conflict e) {
            LOG.debugf("inventory state of %s changed meanwhile", state.scope());
        }
    }

    /** What matters about a server for the catalog: everything but when DRS last saw it, lag in 30 s steps. */
    static String fingerprint(SourceServerState s) {
        Long lag = s.lagSeconds() == null ? null : (s.lagSeconds() / LAG_STEP_SECONDS) * LAG_STEP_SECONDS;
        SourceServerState stable = new SourceServerState(
                s.sourceServerId(),
                s.hostname(),
                s.tags(),
                s.replicationState(),
                lag,
                s.lifecycleState(),
                s.lastLaunchStatus(),
                s.recoveryInstanceId(),
                Instant.EPOCH,
                s.origin(),
                s.replicationDirection(),
                s.reversedDirectionSourceServerArn(),
                s.launchSettings());
        return hash(EventCodec.writeJson(stable));
    }

    /**
     * Each server with what it would launch with now (its launch configuration and template); a server whose
     * settings cannot be read is published without them.
     */
    private List<SourceServerState> withLaunchSettings(Scope scope, List<SourceServerState> servers) {
        List<CompletableFuture<SourceServerState>> reads = servers.stream()
                .map(s -> CompletableFuture.supplyAsync(() -> withLaunchSettings(scope, s), readers))
                .toList();
        return reads.stream().map(CompletableFuture::join).toList();
    }

    private SourceServerState withLaunchSettings(Scope scope, SourceServerState s) {
        LaunchSettings observed = null;
        try {
            observed = launch.current(scope, s.sourceServerId()).observed();
        } catch (RuntimeException e) {
            LOG.debugf("launch settings of %s in %s not read: %s", s.sourceServerId(), scope, e.getMessage());
        }
        return new SourceServerState(
                s.sourceServerId(),
                s.hostname(),
                s.tags(),
                s.replicationState(),
                s.lagSeconds(),
                s.lifecycleState(),
                s.lastLaunchStatus(),
                s.recoveryInstanceId(),
                s.lastSeenAt(),
                s.origin(),
                s.replicationDirection(),
                s.reversedDirectionSourceServerArn(),
                observed);
    }

    /** The scope's subnets, security groups and instance types, or null when EC2 cannot be read there. */
    private @Nullable NetworkInventoryChanged network(Scope scope, Instant now) {
        try {
            LaunchSettingsApi.Network n = launch.network(scope);
            return new NetworkInventoryChanged(
                    scope.accountId(), scope.region(), now, n.subnets(), n.securityGroups(), n.instanceTypes());
        } catch (DrsCallFailed e) {
            LOG.warnf("the network of %s was not read: %s", scope, e.getMessage());
            return null;
        }
    }

    /** A short digest of {@code json} (FNV-1a, 64 bits). */
    static String hash(String json) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < json.length(); i++) {
            h ^= json.charAt(i);
            h *= 0x100000001b3L;
        }
        return Long.toHexString(h);
    }
}
