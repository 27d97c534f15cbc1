package dev.drsorchestrator.devstack.drs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.devstack.drs.DrsModel.Ec2Origin;
import dev.drsorchestrator.devstack.drs.DrsModel.Job;
import dev.drsorchestrator.devstack.drs.DrsModel.LogItem;
import dev.drsorchestrator.devstack.drs.DrsModel.Participant;
import dev.drsorchestrator.devstack.drs.DrsModel.RecoveryInstance;
import dev.drsorchestrator.devstack.drs.DrsModel.SourceServer;
import dev.drsorchestrator.devstack.drs.DrsSettings.Faults;
import dev.drsorchestrator.devstack.drs.DrsSettings.Quotas;
import dev.drsorchestrator.devstack.drs.DrsSettings.Timings;
import dev.drsorchestrator.devstack.ec2.Ec2;
import dev.drsorchestrator.devstack.http.AwsServiceException;
import dev.drsorchestrator.devstack.http.Json;
import dev.drsorchestrator.devstack.http.Page;
import dev.drsorchestrator.devstack.scheduler.Timers;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The DRS simulator: a fleet of source servers per account and region, recovery jobs that go PENDING → STARTED →
 * COMPLETED on configurable timings with each server PENDING → IN_PROGRESS → LAUNCHED or FAILED, recovery instances,
 * DRS's quotas with its exception types, the events DRS sends to the default bus, injected faults, and a log of every
 * call. The API layer ({@link DrsApi}) speaks DRS's REST-JSON protocol on top of this.
 */
public final class DrsSimulator {
    /** Where DRS events go: the default bus, with the account and region of the resource they are about. */
    @FunctionalInterface
    public interface EventSink {
        void put(String account, String region, String detailType, ObjectNode detail, List<String> resources);
    }

    /** The account and region a call is made in (from the caller's credentials and the SigV4 scope). */
    public record Scope(String account, String region) {
        /** Whether a thing in this account and region is visible to the caller. */
        boolean owns(String thingAccount, String thingRegion) {
            return account.equals(thingAccount) && region.equals(thingRegion);
        }
    }

    private static final Pattern SERVER_ID = Pattern.compile("s-[0-9a-zA-Z]{17}");
    private static final Pattern EC2_INSTANCE_ID = Pattern.compile("i-[0-9a-f]{8}([0-9a-f]{9})?");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d+");
    private static final Duration SNAPSHOT_INTERVAL = Duration.ofMinutes(10);
    private static final int SNAPSHOT_HISTORY = 144;

    private final String defaultAccount;
    private final String defaultRegion;
    private final Timers timers;
    private final EventSink sink;
    private final LaunchConfigurations launchConfigs;
    private final RecoveryPlacement placement;
    private final CallLog calls = new CallLog();
    private final AtomicLong ids = new AtomicLong();
    /** Numbers the reversed source servers ReverseReplication makes, for their seeded ids. */
    private final AtomicLong reversals = new AtomicLong();
    /** Bumped by {@link #reset}: timers armed before a reset then do nothing. */
    private final AtomicLong generation = new AtomicLong();

    private volatile Seeded seeded;
    private volatile Timings timings = Timings.DEFAULT;
    private volatile Quotas quotas = Quotas.DEFAULT;
    private volatile Faults faults = Faults.NONE;

    // guarded by this
    private final Map<String, SourceServer> servers = new TreeMap<>();
    private final Map<String, Job> jobs = new LinkedHashMap<>();
    private final Map<String, Long> jobSeq = new LinkedHashMap<>();
    private final Map<String, RecoveryInstance> instances = new TreeMap<>();

    /** A simulator whose recovery instances are launched in {@code ec2} (see {@link RecoveryPlacement}). */
    public DrsSimulator(
            String defaultAccount, String defaultRegion, long seed, Timers timers, EventSink sink, Ec2 ec2) {
        this.launchConfigs = new LaunchConfigurations(ec2);
        this.placement = new RecoveryPlacement(ec2, launchConfigs);
        this.defaultAccount = defaultAccount;
        this.defaultRegion = defaultRegion;
        this.seeded = new Seeded(seed);
        this.timers = timers;
        this.sink = sink;
    }

    public String defaultAccount() {
        return defaultAccount;
    }

    public String defaultRegion() {
        return defaultRegion;
    }

    public CallLog calls() {
        return calls;
    }

    public Timings timings() {
        return timings;
    }

    public void timings(Timings timings) {
        this.timings = timings;
    }

    public Quotas quotas() {
        return quotas;
    }

    public void quotas(Quotas quotas) {
        this.quotas = quotas;
    }

    public Faults faults() {
        return faults;
    }

    public void faults(Faults faults) {
        this.faults = faults;
    }

    public long seed() {
        return seeded.seed();
    }

    /** Forgets the fleet, jobs, instances and calls; restores default timings, quotas and no faults. */
    public synchronized void reset(long seed) {
        generation.incrementAndGet();
        servers.clear();
        jobs.clear();
        jobSeq.clear();
        instances.clear();
        calls.clear();
        launchConfigs.clear();
        ids.set(0);
        reversals.set(0);
        seeded = new Seeded(seed);
        timings = Timings.DEFAULT;
        quotas = Quotas.DEFAULT;
        faults = Faults.NONE;
    }

    // ---- fleet (admin)

    /**
     * A source server to add to the fleet; null fields take defaults (generated id, default account/region …). A null
     * {@code origin} is an on-premises server.
     */
    public record ServerSpec(
            @Nullable String id,
            String hostname,
            @Nullable String account,
            @Nullable String region,
            @Nullable Map<String, String> tags,
            @Nullable String replicationState,
            @Nullable String lagDuration,
            @Nullable String recommendedInstanceType,
            @Nullable Origin origin) {

        /** An on-premises server (no origin). */
        public ServerSpec(
                @Nullable String id,
                String hostname,
                @Nullable String account,
                @Nullable String region,
                @Nullable Map<String, String> tags,
                @Nullable String replicationState,
                @Nullable String lagDuration,
                @Nullable String recommendedInstanceType) {
            this(id, hostname, account, region, tags, replicationState, lagDuration, recommendedInstanceType, null);
        }

        /** This server, from the given origin. */
        public ServerSpec withOrigin(@Nullable Origin newOrigin) {
            return new ServerSpec(
                    id,
                    hostname,
                    account,
                    region,
                    tags,
                    replicationState,
                    lagDuration,
                    recommendedInstanceType,
                    newOrigin);
        }
    }

    /**
     * Where a source server runs: {@code ON_PREMISES} (the default) or {@code EC2}. For EC2 the region is required;
     * the account defaults to the server's, the Availability Zone to the region and {@code a}, the instance id to one
     * drawn from the seed and the server.
     */
    public record Origin(
            @Nullable String type,
            @Nullable String accountId,
            @Nullable String region,
            @Nullable String availabilityZone,
            @Nullable String instanceId) {

        /** An EC2 instance in {@code region}, everything else defaulted. */
        public static Origin ec2(String region) {
            return new Origin("EC2", null, region, null, null);
        }

        public static Origin onPremises() {
            return new Origin("ON_PREMISES", null, null, null, null);
        }
    }

    /** Adds or replaces servers; returns them as DescribeSourceServers shows them. */
    public synchronized List<ObjectNode> addServers(List<ServerSpec> specs) {
        List<SourceServer> added = new ArrayList<>();
        for (ServerSpec spec : specs) {
            added.add(toServer(spec));
        }
        Instant now = now();
        List<ObjectNode> out = new ArrayList<>();
        for (SourceServer s : added) {
            servers.put(s.id, s);
            launchConfigs.ensure(s);
            out.add(s.json(now));
        }
        return out;
    }

    private SourceServer toServer(ServerSpec spec) {
        if (spec.hostname() == null || spec.hostname().isBlank()) {
            throw new IllegalArgumentException("hostname: required for every source server");
        }
        String account = spec.account() == null ? defaultAccount : spec.account();
        if (!account.matches("\\d{12}")) {
            throw new IllegalArgumentException("account: must be 12 digits, got '" + account + "'");
        }
        String region = spec.region() == null ? defaultRegion : spec.region();
        String id = spec.id() == null ? "s-" + seeded.hex(17, "server", account, region, spec.hostname()) : spec.id();
        if (!SERVER_ID.matcher(id).matches()) {
            throw new IllegalArgumentException(
                    "id: a source server id is 's-' and 17 letters or digits, got '" + id + "'");
        }
        String state = replicationState(spec.replicationState() == null ? "CONTINUOUS" : spec.replicationState());
        Duration lag = spec.lagDuration() == null ? Duration.ZERO : lag(spec.lagDuration());
        SourceServer s = new SourceServer(
                id,
                account,
                region,
                spec.hostname(),
                state,
                lag,
                spec.recommendedInstanceType() == null ? "m5.large" : spec.recommendedInstanceType(),
                now().minus(Duration.ofDays(7)));
        if (spec.tags() != null) {
            s.tags.putAll(spec.tags());
        }
        s.tags.putIfAbsent("Name", spec.hostname());
        s.origin = origin(spec.origin(), account, id);
        return s;
    }

    private @Nullable Ec2Origin origin(@Nullable Origin o, String serverAccount, String serverId) {
        if (o == null) {
            return null;
        }
        String type = o.type() == null ? "ON_PREMISES" : o.type();
        switch (type) {
            case "ON_PREMISES" -> {
                return null;
            }
            case "EC2" -> {
                String region = o.region();
                if (region == null || region.isBlank()) {
                    throw new IllegalArgumentException("origin.region: required for an EC2 origin");
                }
                if (!REGION.matcher(region).matches()) {
                    throw new IllegalArgumentException("origin.region: not a Region name such as us-west-2: " + region);
                }
                String account = o.accountId() == null ? serverAccount : o.accountId();
                if (!account.matches("\\d{12}")) {
                    throw new IllegalArgumentException("origin.accountId: must be 12 digits, got '" + account + "'");
                }
                String zone = o.availabilityZone() == null ? region + "a" : o.availabilityZone();
                if (!zone.startsWith(region) || zone.length() == region.length()) {
                    throw new IllegalArgumentException(
                            "origin.availabilityZone: an Availability Zone of " + region + ", got '" + zone + "'");
                }
                String instance = o.instanceId() == null
                        ? "i-" + seeded.hex(17, "origin-instance", serverAccount, serverId)
                        : o.instanceId();
                if (!EC2_INSTANCE_ID.matcher(instance).matches()) {
                    throw new IllegalArgumentException(
                            "origin.instanceId: an EC2 instance id is 'i-' and 8 or 17 hex digits, got '" + instance
                                    + "'");
                }
                return new Ec2Origin(account, region, zone, instance);
            }
            default -> throw new IllegalArgumentException("origin.type: EC2 or ON_PREMISES, got '" + type + "'");
        }
    }

    /**
     * What to generate: {@code count} servers spread round-robin over accounts and tiers, a share of them not ready
     * (INITIAL_SYNC or STALLED), decided by the seed.
     */
    public record FleetSpec(
            int count,
            @Nullable List<String> accounts,
            @Nullable String region,
            @Nullable List<String> tiers,
            double notReadyFraction,
            @Nullable String hostnamePrefix) {}

    /** Generates a fleet (see {@link FleetSpec}) and adds it; returns the servers added. */
    public List<ObjectNode> generateFleet(FleetSpec spec) {
        if (spec.count() < 1 || spec.count() > 10_000) {
            throw new IllegalArgumentException("count: between 1 and 10000, got " + spec.count());
        }
        if (spec.notReadyFraction() < 0 || spec.notReadyFraction() > 1) {
            throw new IllegalArgumentException("notReadyFraction: between 0 and 1, got " + spec.notReadyFraction());
        }
        List<String> accounts =
                spec.accounts() == null || spec.accounts().isEmpty() ? List.of(defaultAccount) : spec.accounts();
        List<String> tiers =
                spec.tiers() == null || spec.tiers().isEmpty() ? List.of("web", "app", "db") : spec.tiers();
        String prefix = spec.hostnamePrefix() == null ? "" : spec.hostnamePrefix();
        List<ServerSpec> specs = new ArrayList<>();
        for (int i = 0; i < spec.count(); i++) {
            String tier = tiers.get(i % tiers.size());
            String account = accounts.get(i % accounts.size());
            String hostname = prefix + tier + "-" + String.format("%04d", i + 1);
            String state = "CONTINUOUS";
            if (seeded.unit("not-ready", account, hostname) < spec.notReadyFraction()) {
                state = seeded.unit("not-ready-kind", account, hostname) < 0.5 ? "INITIAL_SYNC" : "STALLED";
            }
            String type =
                    switch (tier) {
                        case "web" -> "t3.medium";
                        case "db" -> "r5.xlarge";
                        default -> "m5.large";
                    };
            specs.add(new ServerSpec(
                    null,
                    hostname,
                    account,
                    spec.region(),
                    Map.of("Tier", tier, "Application", "app-" + (i % 5 + 1)),
                    state,
                    "PT" + (seeded.bits("lag", account, hostname) & 0x1F) + "S",
                    type));
        }
        return addServers(specs);
    }

    private static final Set<String> REPLICATION_STATES = Set.of(
            "STOPPED",
            "INITIATING",
            "INITIAL_SYNC",
            "BACKLOG",
            "CREATING_SNAPSHOT",
            "CONTINUOUS",
            "PAUSED",
            "RESCAN",
            "STALLED",
            "DISCONNECTED");

    private static String replicationState(String state) {
        if (!REPLICATION_STATES.contains(state)) {
            throw new IllegalArgumentException("replicationState: not a DRS data replication state: " + state);
        }
        return state;
    }

    private static Duration lag(String lagDuration) {
        try {
            return Duration.parse(lagDuration);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("lagDuration: not an ISO-8601 duration such as PT30S: " + lagDuration);
        }
    }

    /** Every server of every account and region, as DescribeSourceServers shows them. */
    public synchronized List<ObjectNode> allServers() {
        Instant now = now();
        return servers.values().stream().map(s -> s.json(now)).toList();
    }

    /** Every job of every account and region, oldest first. */
    public synchronized List<ObjectNode> allJobs() {
        return jobs.values().stream().map(Job::json).toList();
    }

    public synchronized List<ObjectNode> allRecoveryInstances() {
        Instant now = now();
        return instances.values().stream().map(ri -> ri.json(now)).toList();
    }

    /**
     * Sets a server's replication state and lag (admin). Entering or leaving STALLED sends DRS's "Data Replication
     * Stalled Change" event.
     */
    public void setReplication(String serverId, String state, @Nullable String lagDuration) {
        SourceServer s;
        String before;
        synchronized (this) {
            s = servers.get(serverId);
            if (s == null) {
                throw AwsServiceException.notFound("ResourceNotFoundException", "no source server " + serverId);
            }
            replicationState(state);
            Duration newLag = lagDuration == null ? s.lag : lag(lagDuration);
            before = s.replicationState;
            s.replicationState = state;
            s.lag = newLag;
        }
        boolean wasStalled = before.equals("STALLED");
        boolean isStalled = state.equals("STALLED");
        if (wasStalled != isStalled) {
            emit(
                    s.account,
                    s.region,
                    "DRS Source Server Data Replication Stalled Change",
                    Json.object().put("state", isStalled ? "STALLED" : "NOT_STALLED"),
                    s.arn(),
                    "stall:" + s.id + ":" + state);
        }
    }

    // ---- the API

    /** Runs one API call: numbers it, may throttle it, logs it with its outcome. */
    public ObjectNode call(String operation, Scope scope, JsonNode request) {
        long seq = calls.next();
        Instant at = now();
        String outcome = "OK";
        String result = null;
        try {
            if (seeded.unit("throttle", seq) < faults.throttleFraction()) {
                throw new AwsServiceException(429, "ThrottlingException", "Rate exceeded")
                        .with("serviceCode", "drs")
                        .with("retryAfterSeconds", "1");
            }
            ObjectNode out = dispatch(operation, scope, request);
            JsonNode job = out.get("job");
            if (job != null) {
                result = job.path("jobID").asText();
            } else if (out.hasNonNull("reversedDirectionSourceServerArn")) {
                result = out.get("reversedDirectionSourceServerArn").asText();
            }
            return out;
        } catch (AwsServiceException e) {
            outcome = e.code();
            throw e;
        } catch (RuntimeException e) {
            outcome = "InternalServerException";
            throw e;
        } finally {
            calls.add(new CallLog.Call(
                    seq, at, operation, scope.account(), scope.region(), request.deepCopy(), outcome, result));
        }
    }

    private ObjectNode dispatch(String operation, Scope scope, JsonNode in) {
        return switch (operation) {
            case "StartRecovery" -> startRecovery(scope, in);
            case "DescribeSourceServers" -> describeSourceServers(scope, in);
            case "DescribeJobs" -> describeJobs(scope, in);
            case "DescribeJobLogItems" -> describeJobLogItems(scope, in);
            case "DescribeRecoveryInstances" -> describeRecoveryInstances(scope, in);
            case "TerminateRecoveryInstances" -> terminateRecoveryInstances(scope, in);
            case "DescribeRecoverySnapshots" -> describeRecoverySnapshots(scope, in);
            case "ReverseReplication" -> reverseReplication(scope, in);
            case "StartFailbackLaunch" -> startFailbackLaunch(scope, in);
            case "StopFailback" -> stopFailback(scope, in);
            case "GetLaunchConfiguration" -> launchConfigs.get(serverOf(scope, in));
            case "UpdateLaunchConfiguration" -> launchConfigs.update(serverOf(scope, in), in);
            case "StopReplication" -> Json.object().set("sourceServer", setServerState(scope, in, "STOPPED"));
            case "DisconnectSourceServer" -> setServerState(scope, in, "DISCONNECTED");
            default ->
                throw AwsServiceException.validation("devstack DRS does not implement " + operation)
                        .with("reason", "unknownOperation");
        };
    }

    private ObjectNode startRecovery(Scope scope, JsonNode in) {
        JsonNode list = in.path("sourceServers");
        if (!list.isArray() || list.isEmpty() || list.size() > quotas.maxServersPerRequest()) {
            throw fieldError(
                    "sourceServers",
                    "sourceServers must list 1 to " + quotas.maxServersPerRequest() + " source servers, got "
                            + (list.isArray() ? list.size() : 0));
        }
        Map<String, String> snapshots = new LinkedHashMap<>();
        for (JsonNode entry : list) {
            String id = Json.text(entry, "sourceServerID");
            if (id == null || !SERVER_ID.matcher(id).matches()) {
                throw fieldError(
                        "sourceServers.sourceServerID",
                        "'" + id + "' is not a source server id (s- and 17 characters)");
            }
            if (snapshots.containsKey(id)) {
                throw fieldError("sourceServers", "source server " + id + " is listed twice");
            }
            snapshots.put(id, Json.text(entry, "recoverySnapshotID"));
        }
        boolean drill = in.path("isDrill").asBoolean(false);
        Map<String, String> tags = tags(in);
        Job job;
        synchronized (this) {
            List<SourceServer> members = new ArrayList<>();
            Map<String, Instant> pointsInTime = new LinkedHashMap<>();
            for (var e : snapshots.entrySet()) {
                SourceServer s = server(scope, e.getKey());
                if (e.getValue() != null) {
                    Instant taken = snapshotTaken(s, e.getValue(), now());
                    if (taken == null) {
                        throw fieldError(
                                "sourceServers.recoverySnapshotID",
                                "recovery snapshot " + e.getValue() + " does not exist for source server " + s.id);
                    }
                    pointsInTime.put(s.id, taken);
                }
                members.add(s);
            }
            if (members.size() > quotas.serversPerJob()) {
                throw quota(
                        "Exceeded the quota of " + quotas.serversPerJob() + " source servers per job (asked for "
                                + members.size() + "). Split the launch into several jobs.",
                        "L-servers-per-job",
                        "JOB");
            }
            checkConcurrentJobs(scope);
            int inActive = 0;
            for (Job j : activeJobs(scope)) {
                if (j.type.equals("LAUNCH")) {
                    inActive += j.participants.size();
                    for (Participant p : j.participants) {
                        if (snapshots.containsKey(p.sourceServerId)) {
                            throw new AwsServiceException(
                                            409,
                                            "ConflictException",
                                            "Source server " + p.sourceServerId
                                                    + " is already participating in active job " + j.id
                                                    + "; a source server can be in one active job at a time.")
                                    .with("resourceId", p.sourceServerId)
                                    .with("resourceType", "SOURCE_SERVER");
                        }
                    }
                }
            }
            if (inActive + members.size() > quotas.serversInActiveJobs()) {
                throw quota(
                        "Exceeded the quota of " + quotas.serversInActiveJobs() + " source servers in all active"
                                + " jobs (" + inActive + " active, asked for " + members.size() + ").",
                        "L-servers-in-active-jobs",
                        "SOURCE_SERVER");
            }
            job = newJob(scope, "LAUNCH", drill ? "START_DRILL" : "START_RECOVERY", drill, tags);
            for (SourceServer s : members) {
                Participant p = new Participant(s.id);
                p.snapshotTime = pointsInTime.get(s.id);
                job.participants.add(p);
                s.lastLaunchResult = "PENDING";
                s.lastLaunchJobId = job.id;
                s.lastLaunchType = drill ? "DRILL" : "RECOVERY";
                s.lastLaunchAt = job.created;
            }
        }
        runLaunchJob(job);
        return Json.object().set("job", job.json());
    }

    private Map<String, String> tags(JsonNode in) {
        Map<String, String> tags = new LinkedHashMap<>();
        in.path("tags")
                .fields()
                .forEachRemaining(e -> tags.put(e.getKey(), e.getValue().asText()));
        return tags;
    }

    private Job newJob(Scope scope, String type, String initiatedBy, boolean drill, Map<String, String> tags) {
        long n = ids.incrementAndGet();
        String id = "drsjob-" + seeded.hex(17, "job", n);
        Job job = new Job(id, scope.account(), scope.region(), type, initiatedBy, drill, now());
        job.tags.putAll(tags);
        job.log.add(new LogItem(job.created, "JOB_START", null, null, null));
        jobs.put(id, job);
        jobSeq.put(id, n);
        return job;
    }

    private void checkConcurrentJobs(Scope scope) {
        int active = activeJobs(scope).size();
        if (active >= quotas.concurrentJobs()) {
            throw quota(
                    "Exceeded the quota of " + quotas.concurrentJobs() + " concurrent jobs (" + active
                            + " active). Wait for a job to complete.",
                    "L-concurrent-jobs",
                    "JOB");
        }
    }

    private List<Job> activeJobs(Scope scope) {
        return jobs.values().stream()
                .filter(j -> j.active() && scope.owns(j.account, j.region))
                .toList();
    }

    private static AwsServiceException quota(String message, String quotaCode, String resourceType) {
        return new AwsServiceException(402, "ServiceQuotaExceededException", message)
                .with("serviceCode", "drs")
                .with("quotaCode", quotaCode)
                .with("resourceType", resourceType);
    }

    static AwsServiceException fieldError(String field, String message) {
        ArrayNode fields = Json.array();
        fields.addObject().put("name", field).put("message", message);
        return AwsServiceException.validation(message)
                .with("reason", "fieldValidationFailed")
                .with("fieldList", fields);
    }

    private synchronized SourceServer serverOf(Scope scope, JsonNode in) {
        return server(scope, Json.required(in, "sourceServerID"));
    }

    private SourceServer server(Scope scope, String id) {
        SourceServer s = servers.get(id);
        if (s == null || !scope.owns(s.account, s.region)) {
            throw fieldError(
                    "sourceServerID",
                    "source server " + id + " does not exist in account " + scope.account() + " region "
                            + scope.region());
        }
        return s;
    }

    // ---- job lifecycle

    private void runLaunchJob(Job job) {
        Timings t = timings;
        later(Duration.ofMillis(t.jobStartMillis()), () -> {
            synchronized (this) {
                job.status = "STARTED";
            }
            for (Participant p : job.participants) {
                later(Duration.ofMillis(t.serverStartMillis()), () -> {
                    synchronized (this) {
                        p.launchStatus = "IN_PROGRESS";
                        Instant now = now();
                        if (p.snapshotTime != null) {
                            // the point in time StartRecovery chose: no new snapshot is taken
                            job.log.add(new LogItem(now, "USING_PREVIOUS_SNAPSHOT", p.sourceServerId, null, null));
                        } else {
                            job.log.add(new LogItem(now, "SNAPSHOT_START", p.sourceServerId, null, null));
                            job.log.add(new LogItem(now, "SNAPSHOT_END", p.sourceServerId, null, null));
                        }
                        job.log.add(new LogItem(now, "CONVERSION_START", p.sourceServerId, null, null));
                    }
                    long span = t.launchMaxMillis() - t.launchMinMillis();
                    long launch =
                            t.launchMinMillis() + (long) (seeded.unit("launch", job.id, p.sourceServerId) * (span + 1));
                    later(Duration.ofMillis(Math.min(launch, t.launchMaxMillis())), () -> finishLaunch(job, p));
                });
            }
        });
    }

    private void finishLaunch(Job job, Participant p) {
        SourceServer s;
        String failure;
        boolean done;
        List<String> replaced = new ArrayList<>();
        synchronized (this) {
            s = servers.get(p.sourceServerId);
            Instant now = now();
            if (s != null && s.replicationState.equals("STALLED") && p.snapshotTime == null) {
                job.log.add(new LogItem(now, "USING_PREVIOUS_SNAPSHOT", p.sourceServerId, null, null));
            }
            job.log.add(new LogItem(now, "CONVERSION_END", p.sourceServerId, null, null));
            job.log.add(new LogItem(now, "LAUNCH_START", p.sourceServerId, null, null));
            failure = launchFailure(job, s);
            String instanceId = "i-" + seeded.hex(17, "instance", job.id, p.sourceServerId);
            RecoveryPlacement.Outcome placed =
                    failure == null ? placement.launch(s, instanceId, s.recoveryInstanceId) : null;
            failure = placed == null ? failure : placed.failure();
            if (failure == null) {
                RecoveryInstance ri = new RecoveryInstance(
                        instanceId,
                        job.account,
                        job.region,
                        p.sourceServerId,
                        job.id,
                        job.drill,
                        p.snapshotTime != null
                                ? p.snapshotTime
                                : now.minus(s.lag).truncatedTo(ChronoUnit.SECONDS),
                        placed.instanceType(),
                        s.originEnvironment(),
                        s.origin != null ? s.origin.availabilityZone() : job.region + "a");
                ri.ec2State = placed.stopped() ? "STOPPED" : "RUNNING";
                ri.tags.putAll(s.tags);
                ri.tags.putAll(job.tags);
                if (s.recoveryInstanceId != null && instances.remove(s.recoveryInstanceId) != null) {
                    replaced.add(s.recoveryInstanceId);
                }
                instances.put(instanceId, ri);
                s.recoveryInstanceId = instanceId;
                s.lastLaunchResult = "SUCCEEDED";
                p.recoveryInstanceId = instanceId;
                p.launchStatus = "LAUNCHED";
            } else {
                p.launchStatus = "FAILED";
                if (s != null) {
                    s.lastLaunchResult = "FAILED";
                }
                job.log.add(new LogItem(now, "LAUNCH_FAILED", p.sourceServerId, null, failure));
            }
            done = completeIfDone(job);
        }
        emit(
                job.account,
                job.region,
                "DRS Source Server Launch Result",
                Json.object()
                        .put("state", failure == null ? "RECOVERY_LAUNCH_SUCCEEDED" : "RECOVERY_LAUNCH_FAILED")
                        .put("job-id", job.id)
                        .put("is-drill", job.drill ? "TRUE" : "FALSE"),
                "arn:aws:drs:" + job.region + ":" + job.account + ":source-server/" + p.sourceServerId,
                "launch:" + job.id + ":" + p.sourceServerId);
        if (done) {
            emitJobState(job);
        }
    }

    private @Nullable String launchFailure(Job job, @Nullable SourceServer s) {
        if (s == null) {
            return "Source server was removed from the fleet during the job";
        }
        if (!s.hasSnapshot()) {
            return "Source server " + s.id + " has no point-in-time snapshot to launch from (data replication state "
                    + s.replicationState + ")";
        }
        if (faults.failServers().contains(s.id)) {
            return "devstack fault: launches of " + s.id + " fail";
        }
        if (seeded.unit("fail", job.id, s.id) < faults.failLaunchFraction()) {
            return "devstack fault: a share of launches fail (failLaunchFraction " + faults.failLaunchFraction() + ")";
        }
        return null;
    }

    /** Completes the job when every server is done. Call holding the lock. */
    private boolean completeIfDone(Job job) {
        for (Participant q : job.participants) {
            if (q.launchStatus.equals("PENDING") || q.launchStatus.equals("IN_PROGRESS")) {
                return false;
            }
        }
        job.status = "COMPLETED";
        job.ended = now();
        job.log.add(new LogItem(job.ended, "JOB_END", null, null, null));
        return true;
    }

    private void emitJobState(Job job) {
        if (!faults.jobStateEvents()) {
            return;
        }
        ObjectNode detail;
        synchronized (this) {
            detail = Json.object()
                    .put("jobID", job.id)
                    .put("status", job.status)
                    .put("type", job.type)
                    .put("initiatedBy", job.initiatedBy)
                    .put("is-drill", job.drill ? "TRUE" : "FALSE");
            detail.set("participatingServers", job.json().get("participatingServers"));
        }
        emit(job.account, job.region, "DRS Job State Change", detail, job.arn(), "job:" + job.id + ":" + job.status);
    }

    /** Sends a DRS event, subject to the injected drop, duplicate and delay faults. */
    private void emit(
            String account, String region, String detailType, ObjectNode detail, String resource, String key) {
        Faults f = faults;
        if (seeded.unit("drop", key) < f.dropEventFraction()) {
            return;
        }
        int copies = seeded.unit("duplicate", key) < f.duplicateEventFraction() ? 2 : 1;
        Runnable send = () -> {
            for (int i = 0; i < copies; i++) {
                sink.put(account, region, detailType, detail.deepCopy(), List.of(resource));
            }
        };
        if (f.eventDelayMillis() > 0) {
            later(Duration.ofMillis(f.eventDelayMillis()), send);
        } else {
            send.run();
        }
    }

    // ---- describe

    private synchronized ObjectNode describeSourceServers(Scope scope, JsonNode in) {
        JsonNode filters = in.path("filters");
        Set<String> ids = strings(filters.path("sourceServerIDs"));
        Set<String> staging = strings(filters.path("stagingAccountIDs"));
        List<String> keys = new ArrayList<>();
        for (SourceServer s : servers.values()) {
            if (scope.owns(s.account, s.region)
                    && (ids.isEmpty() || ids.contains(s.id))
                    && (staging.isEmpty() || staging.contains(s.account))) {
                keys.add(s.id);
            }
        }
        Instant now = now();
        return page(keys, in, id -> servers.get(id).json(now));
    }

    private synchronized ObjectNode describeJobs(Scope scope, JsonNode in) {
        JsonNode filters = in.path("filters");
        Set<String> ids = strings(filters.path("jobIDs"));
        Instant from = instant(filters, "fromDate");
        Instant to = instant(filters, "toDate");
        Map<String, Job> byKey = new TreeMap<>();
        for (Job j : jobs.values()) {
            if (scope.owns(j.account, j.region)
                    && (ids.isEmpty() || ids.contains(j.id))
                    && (from == null || !j.created.isBefore(from))
                    && (to == null || !j.created.isAfter(to))) {
                byKey.put(String.format("%012d", jobSeq.get(j.id)), j);
            }
        }
        return page(new ArrayList<>(byKey.keySet()), in, k -> byKey.get(k).json());
    }

    private synchronized ObjectNode describeJobLogItems(Scope scope, JsonNode in) {
        String id = Json.required(in, "jobID");
        Job job = jobs.get(id);
        if (job == null || !scope.owns(job.account, job.region)) {
            throw fieldError(
                    "jobID",
                    "job " + id + " does not exist in account " + scope.account() + " region " + scope.region());
        }
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < job.log.size(); i++) {
            keys.add(String.format("%08d", i));
        }
        return page(keys, in, k -> job.log.get(Integer.parseInt(k)).json());
    }

    private synchronized ObjectNode describeRecoveryInstances(Scope scope, JsonNode in) {
        JsonNode filters = in.path("filters");
        Set<String> ids = strings(filters.path("recoveryInstanceIDs"));
        Set<String> serverIds = strings(filters.path("sourceServerIDs"));
        List<String> keys = new ArrayList<>();
        for (RecoveryInstance ri : instances.values()) {
            if (scope.owns(ri.account, ri.region)
                    && (ids.isEmpty() || ids.contains(ri.id))
                    && (serverIds.isEmpty() || serverIds.contains(ri.sourceServerId))) {
                keys.add(ri.id);
            }
        }
        Instant now = now();
        return page(keys, in, id -> instances.get(id).json(now));
    }

    private synchronized ObjectNode describeRecoverySnapshots(Scope scope, JsonNode in) {
        SourceServer s = server(scope, Json.required(in, "sourceServerID"));
        Instant from = instant(in.path("filters"), "fromDateTime");
        Instant to = instant(in.path("filters"), "toDateTime");
        boolean desc = "DESC".equals(Json.text(in, "order"));
        List<Instant> times = snapshotTimes(s, now());
        Map<String, Instant> byKey = new TreeMap<>();
        for (Instant t : times) {
            if ((from == null || !t.isBefore(from)) && (to == null || !t.isAfter(to))) {
                long key = desc ? Long.MAX_VALUE - t.getEpochSecond() : t.getEpochSecond();
                byKey.put(String.format("%020d", key), t);
            }
        }
        Page page = Page.of(new ArrayList<>(byKey.keySet()), Json.text(in, "nextToken"), maxResults(in));
        ObjectNode out = Json.object();
        ArrayNode items = out.putArray("items");
        for (String k : page.items()) {
            Instant t = byKey.get(k);
            ObjectNode snap = items.addObject()
                    .put("snapshotID", snapshotId(s, t))
                    .put("sourceServerID", s.id)
                    .put("expectedTimestamp", DrsModel.time(t))
                    .put("timestamp", DrsModel.time(snapshotTimestamp(t)));
            snap.putArray("ebsSnapshots").add("snap-" + seeded.hex(17, "ebs", s.id, t.getEpochSecond()));
        }
        page.writeToken(out, "nextToken");
        return out;
    }

    /**
     * Snapshots every 10 minutes for a day, up to now minus the replication lag; none before the first sync. A server
     * whose replication ReverseReplication (re)started has its first snapshot when it became CONTINUOUS.
     */
    private List<Instant> snapshotTimes(SourceServer s, Instant now) {
        if (!s.hasSnapshot()) {
            return List.of();
        }
        long step = SNAPSHOT_INTERVAL.getSeconds();
        long latest = (now.minus(s.lag).getEpochSecond() / step) * step;
        List<Instant> out = new ArrayList<>();
        Instant synced = s.syncedAt == null ? null : s.syncedAt.truncatedTo(ChronoUnit.SECONDS);
        if (synced != null) {
            out.add(synced);
        }
        for (int k = SNAPSHOT_HISTORY - 1; k >= 0; k--) {
            Instant t = Instant.ofEpochSecond(latest - k * step);
            if (synced == null || t.isAfter(synced)) {
                out.add(t);
            }
        }
        return out.size() > SNAPSHOT_HISTORY ? out.subList(out.size() - SNAPSHOT_HISTORY, out.size()) : out;
    }

    /** When the snapshot {@code snapshotId} of {@code s} was taken (its {@code timestamp}), or null if it has none. */
    private @Nullable Instant snapshotTaken(SourceServer s, String snapshotId, Instant now) {
        for (Instant t : snapshotTimes(s, now)) {
            if (snapshotId(s, t).equals(snapshotId)) {
                return snapshotTimestamp(t);
            }
        }
        return null;
    }

    /** A snapshot expected at {@code t} is taken a few seconds later. */
    private static Instant snapshotTimestamp(Instant expected) {
        return expected.plusSeconds(3);
    }

    private String snapshotId(SourceServer s, Instant t) {
        return "pit-" + seeded.hex(17, "snapshot", s.id, t.getEpochSecond());
    }

    // ---- terminate, failback, replication

    private ObjectNode terminateRecoveryInstances(Scope scope, JsonNode in) {
        Set<String> ids = strings(in.path("recoveryInstanceIDs"));
        if (ids.isEmpty() || ids.size() > quotas.maxServersPerRequest()) {
            throw fieldError(
                    "recoveryInstanceIDs",
                    "recoveryInstanceIDs must list 1 to " + quotas.maxServersPerRequest() + " recovery instances");
        }
        Job job;
        synchronized (this) {
            List<RecoveryInstance> targets = new ArrayList<>();
            for (String id : ids) {
                targets.add(instance(scope, id, "recoveryInstanceIDs"));
            }
            for (Job j : activeJobs(scope)) {
                for (String id : j.instancesToTerminate) {
                    if (ids.contains(id)) {
                        throw new AwsServiceException(
                                        409,
                                        "ConflictException",
                                        "Recovery instance " + id + " is already being terminated by job " + j.id + ".")
                                .with("resourceId", id)
                                .with("resourceType", "RECOVERY_INSTANCE");
                    }
                }
            }
            checkConcurrentJobs(scope);
            job = newJob(scope, "TERMINATE", "TERMINATE_RECOVERY_INSTANCES", false, Map.of());
            for (RecoveryInstance ri : targets) {
                Participant p = new Participant(ri.sourceServerId);
                p.recoveryInstanceId = ri.id;
                job.participants.add(p);
                job.instancesToTerminate.add(ri.id);
            }
        }
        Timings t = timings;
        later(Duration.ofMillis(t.jobStartMillis()), () -> {
            synchronized (this) {
                job.status = "STARTED";
                for (String id : job.instancesToTerminate) {
                    RecoveryInstance ri = instances.get(id);
                    if (ri != null) {
                        ri.ec2State = "SHUTTING-DOWN";
                        placement.ec2State(ri.account, ri.region, ri.id, "shutting-down");
                    }
                }
            }
            later(Duration.ofMillis(t.terminateMillis()), () -> {
                synchronized (this) {
                    Instant now = now();
                    for (Participant p : job.participants) {
                        RecoveryInstance ri = instances.remove(p.recoveryInstanceId);
                        placement.ec2State(job.account, job.region, p.recoveryInstanceId, "terminated");
                        SourceServer s = servers.get(p.sourceServerId);
                        if (ri != null && s != null && ri.id.equals(s.recoveryInstanceId)) {
                            s.recoveryInstanceId = null;
                        }
                        p.launchStatus = "TERMINATED";
                        job.log.add(new LogItem(now, "CLEANUP_END", p.sourceServerId, p.recoveryInstanceId, null));
                    }
                    completeIfDone(job);
                }
                emitJobState(job);
            });
        });
        return Json.object().set("job", job.json());
    }

    private RecoveryInstance instance(Scope scope, String id, String field) {
        RecoveryInstance ri = instances.get(id);
        if (ri == null || !scope.owns(ri.account, ri.region)) {
            throw fieldError(
                    field,
                    "recovery instance " + id + " does not exist in account " + scope.account() + " region "
                            + scope.region());
        }
        return ri;
    }

    // ---- reverse replication (EC2 origin)

    /**
     * ReverseReplication of a recovery instance of an EC2-origin server {@code s}: replication in the reverse
     * direction, from the recovery instance to a source server in the origin account and Region. That server is the
     * one {@code s.reversedDirectionSourceServerArn} names when it still exists (reversing a failed-back instance brings
     * back the original server), else a new one. It syncs (INITIAL_SYNC, then CONTINUOUS after
     * {@code reverseSyncMillis}).
     */
    private ObjectNode reverseReplication(Scope scope, JsonNode in) {
        String id = Json.required(in, "recoveryInstanceID");
        SourceServer target;
        long round;
        synchronized (this) {
            RecoveryInstance ri = instance(scope, id, "recoveryInstanceID");
            if (ri.drill) {
                throw fieldError(
                        "recoveryInstanceID",
                        "recovery instance " + id
                                + " was launched by a drill; only recovery (not drill) instances can fail back");
            }
            SourceServer s = servers.get(ri.sourceServerId);
            if (s == null) {
                throw fieldError(
                        "recoveryInstanceID",
                        "the source server " + ri.sourceServerId + " of recovery instance " + id
                                + " is no longer in DRS");
            }
            Ec2Origin origin = s.origin;
            if (origin == null) {
                throw fieldError(
                        "recoveryInstanceID",
                        "ReverseReplication applies to recovery instances of EC2-origin source servers; recovery"
                                + " instance " + id + " is of on-premises source server " + s.id
                                + ", which fails back with the DRS Failback Client (StartFailbackLaunch)");
            }
            SourceServer existing =
                    s.reversedDirectionSourceServerArn == null ? null : serverByArn(s.reversedDirectionSourceServerArn);
            if (existing != null && id.equals(existing.replicatingFromInstanceId)) {
                throw new AwsServiceException(
                                409,
                                "ConflictException",
                                "Recovery instance " + id + ": replication in the reverse direction already runs to "
                                        + existing.arn() + ".")
                        .with("resourceId", id)
                        .with("resourceType", "RECOVERY_INSTANCE");
            }
            Instant now = now();
            if (existing != null) {
                target = existing;
            } else {
                String newId;
                do {
                    newId = "s-" + seeded.hex(17, "reversed", s.id, reversals.incrementAndGet());
                } while (servers.containsKey(newId));
                target = new SourceServer(
                        newId,
                        origin.account(),
                        origin.region(),
                        s.hostname,
                        "INITIAL_SYNC",
                        Duration.ZERO,
                        s.recommendedInstanceType,
                        now);
                target.tags.putAll(s.tags);
                servers.put(target.id, target);
                launchConfigs.ensure(target);
                s.reversedDirectionSourceServerArn = target.arn();
            }
            target.reversedDirectionSourceServerArn = s.arn();
            target.origin = new Ec2Origin(ri.account, ri.region, ri.region + "a", ri.id);
            target.replicatingFromInstanceId = ri.id;
            target.replicationDirection = "FAILBACK".equals(s.replicationDirection) ? "FAILOVER" : "FAILBACK";
            target.replicationState = "INITIAL_SYNC";
            target.lag = Duration.ZERO;
            target.syncedAt = null;
            round = ++target.syncRound;
        }
        SourceServer syncing = target;
        later(Duration.ofMillis(timings.reverseSyncMillis()), () -> {
            synchronized (this) {
                if (servers.get(syncing.id) == syncing
                        && syncing.syncRound == round
                        && syncing.replicationState.equals("INITIAL_SYNC")) {
                    syncing.replicationState = "CONTINUOUS";
                    syncing.syncedAt = now();
                }
            }
        });
        return Json.object().put("reversedDirectionSourceServerArn", target.arn());
    }

    private @Nullable SourceServer serverByArn(String arn) {
        for (SourceServer s : servers.values()) {
            if (s.arn().equals(arn)) {
                return s;
            }
        }
        return null;
    }

    // ---- failback of on-premises servers (the DRS Failback Client)

    /**
     * Marks a DRS Failback Client connected for a recovery instance (an operator booted it on the failback target):
     * the instance is FAILBACK_NOT_READY_FOR_LAUNCH while the client replicates, then FAILBACK_READY_FOR_LAUNCH after
     * {@code failbackSyncMillis}. Only for recovery (not drill) instances of on-premises servers. Returns the
     * instance as DescribeRecoveryInstances shows it.
     */
    public ObjectNode connectFailbackClient(String recoveryInstanceId) {
        return failbackClient(recoveryInstanceId, true);
    }

    /** The Failback Client of a recovery instance goes away: it is FAILBACK_NOT_STARTED again, unless completed. */
    public ObjectNode disconnectFailbackClient(String recoveryInstanceId) {
        return failbackClient(recoveryInstanceId, false);
    }

    /** {@link #connectFailbackClient} or {@link #disconnectFailbackClient}. */
    public ObjectNode failbackClient(String recoveryInstanceId, boolean connected) {
        RecoveryInstance ri;
        String before;
        String after;
        long round;
        ObjectNode out;
        synchronized (this) {
            ri = instances.get(recoveryInstanceId);
            if (ri == null) {
                throw AwsServiceException.notFound(
                        "ResourceNotFoundException", "no recovery instance " + recoveryInstanceId);
            }
            if (ri.drill) {
                throw new IllegalArgumentException("recovery instance " + recoveryInstanceId
                        + " was launched by a drill; only recovery (not drill) instances fail back");
            }
            if (!ri.originEnvironment.equals("ON_PREMISES")) {
                throw new IllegalArgumentException("recovery instance " + recoveryInstanceId
                        + " is of an EC2-origin source server: it fails back with ReverseReplication, not with the"
                        + " DRS Failback Client");
            }
            before = ri.failbackStateOrDefault();
            if (before.equals("FAILBACK_IN_PROGRESS")) {
                throw new AwsServiceException(
                        409,
                        "ConflictException",
                        "recovery instance " + recoveryInstanceId + " is failing back in job " + ri.failbackJobId
                                + "; wait for it to end");
            }
            round = ++ri.failbackRound;
            if (connected) {
                ri.failbackClientId = "fbc-" + seeded.hex(17, "failback-client", ri.id, round);
                ri.failbackInitiatedAt = now();
                ri.failbackState = "FAILBACK_NOT_READY_FOR_LAUNCH";
            } else {
                ri.failbackClientId = null;
                if (!before.equals("FAILBACK_COMPLETED")) {
                    ri.failbackInitiatedAt = null;
                    ri.failbackState = "FAILBACK_NOT_STARTED";
                }
            }
            after = ri.failbackStateOrDefault();
            out = ri.json(now());
        }
        if (!after.equals(before)) {
            emitFailbackState(ri, after, "client:" + round);
        }
        if (connected) {
            RecoveryInstance syncing = ri;
            later(Duration.ofMillis(timings.failbackSyncMillis()), () -> {
                boolean ready = false;
                synchronized (this) {
                    if (instances.get(syncing.id) == syncing
                            && syncing.failbackRound == round
                            && "FAILBACK_NOT_READY_FOR_LAUNCH".equals(syncing.failbackState)) {
                        syncing.failbackState = "FAILBACK_READY_FOR_LAUNCH";
                        ready = true;
                    }
                }
                if (ready) {
                    emitFailbackState(syncing, "FAILBACK_READY_FOR_LAUNCH", "ready:" + round);
                }
            });
        }
        return out;
    }

    private ObjectNode startFailbackLaunch(Scope scope, JsonNode in) {
        Set<String> ids = strings(in.path("recoveryInstanceIDs"));
        if (ids.isEmpty() || ids.size() > quotas.maxServersPerRequest()) {
            throw fieldError(
                    "recoveryInstanceIDs",
                    "recoveryInstanceIDs must list 1 to " + quotas.maxServersPerRequest() + " recovery instances");
        }
        Job job;
        List<RecoveryInstance> targets = new ArrayList<>();
        synchronized (this) {
            for (String id : ids) {
                RecoveryInstance ri = instance(scope, id, "recoveryInstanceIDs");
                if (!"FAILBACK_READY_FOR_LAUNCH".equals(ri.failbackState)) {
                    throw new AwsServiceException(
                                    409,
                                    "ConflictException",
                                    "Recovery instance " + id
                                            + " is not ready for failback launch (failback state "
                                            + ri.failbackStateOrDefault()
                                            + "). Boot the DRS Failback Client on the failback target and wait for"
                                            + " FAILBACK_READY_FOR_LAUNCH.")
                            .with("resourceId", id)
                            .with("resourceType", "RECOVERY_INSTANCE");
                }
                targets.add(ri);
            }
            checkConcurrentJobs(scope);
            job = newJob(scope, "LAUNCH", "FAILBACK", false, tags(in));
            for (RecoveryInstance ri : targets) {
                Participant p = new Participant(ri.sourceServerId);
                p.recoveryInstanceId = ri.id;
                job.participants.add(p);
                ri.failbackState = "FAILBACK_IN_PROGRESS";
                ri.failbackJobId = job.id;
            }
        }
        for (RecoveryInstance ri : targets) {
            emitFailbackState(ri, "FAILBACK_IN_PROGRESS", job.id + ":progress");
        }
        runFailbackJob(job, targets);
        return Json.object().set("job", job.json());
    }

    /** As a launch job: STARTED, then each server IN_PROGRESS and LAUNCHED or FAILED on the launch timings. */
    private void runFailbackJob(Job job, List<RecoveryInstance> targets) {
        Timings t = timings;
        later(Duration.ofMillis(t.jobStartMillis()), () -> {
            synchronized (this) {
                job.status = "STARTED";
            }
            for (int i = 0; i < targets.size(); i++) {
                Participant p = job.participants.get(i);
                RecoveryInstance ri = targets.get(i);
                later(Duration.ofMillis(t.serverStartMillis()), () -> {
                    synchronized (this) {
                        p.launchStatus = "IN_PROGRESS";
                        job.log.add(new LogItem(now(), "LAUNCH_START", p.sourceServerId, null, null));
                    }
                    long span = t.launchMaxMillis() - t.launchMinMillis();
                    long launch =
                            t.launchMinMillis() + (long) (seeded.unit("launch", job.id, p.sourceServerId) * (span + 1));
                    later(Duration.ofMillis(Math.min(launch, t.launchMaxMillis())), () -> finishFailback(job, p, ri));
                });
            }
        });
    }

    private void finishFailback(Job job, Participant p, RecoveryInstance ri) {
        String failure = null;
        String state;
        boolean done;
        synchronized (this) {
            if (faults.failServers().contains(p.sourceServerId)) {
                failure = "devstack fault: failback launches of " + p.sourceServerId + " fail";
            } else if (seeded.unit("fail", job.id, p.sourceServerId) < faults.failLaunchFraction()) {
                failure = "devstack fault: a share of launches fail (failLaunchFraction " + faults.failLaunchFraction()
                        + ")";
            }
            if (failure == null) {
                p.launchStatus = "LAUNCHED";
                state = "FAILBACK_COMPLETED";
            } else {
                p.launchStatus = "FAILED";
                state = "FAILBACK_ERROR";
                job.log.add(new LogItem(now(), "LAUNCH_FAILED", p.sourceServerId, null, failure));
            }
            ri.failbackState = state;
            done = completeIfDone(job);
        }
        emitFailbackState(ri, state, job.id + ":" + state);
        if (done) {
            emitJobState(job);
        }
    }

    /** StopFailback: the instance is FAILBACK_NOT_STARTED again and its Failback Client forgotten. */
    private ObjectNode stopFailback(Scope scope, JsonNode in) {
        String id = Json.required(in, "recoveryInstanceID");
        RecoveryInstance ri;
        String before;
        long round;
        synchronized (this) {
            ri = instance(scope, id, "recoveryInstanceID");
            for (Job j : activeJobs(scope)) {
                for (Participant p : j.participants) {
                    if (j.initiatedBy.equals("FAILBACK") && id.equals(p.recoveryInstanceId)) {
                        throw new AwsServiceException(
                                        409,
                                        "ConflictException",
                                        "Recovery instance " + id + " is failing back in active job " + j.id
                                                + "; wait for it to complete.")
                                .with("resourceId", id)
                                .with("resourceType", "RECOVERY_INSTANCE");
                    }
                }
            }
            before = ri.failbackStateOrDefault();
            round = ++ri.failbackRound;
            ri.failbackState = "FAILBACK_NOT_STARTED";
            ri.failbackClientId = null;
            ri.failbackInitiatedAt = null;
        }
        if (!before.equals("FAILBACK_NOT_STARTED")) {
            emitFailbackState(ri, "FAILBACK_NOT_STARTED", "stop:" + round);
        }
        return Json.object();
    }

    private void emitFailbackState(RecoveryInstance ri, String state, String key) {
        emit(
                ri.account,
                ri.region,
                "DRS Recovery Instance Failback State Change",
                Json.object().put("state", state),
                ri.arn(),
                "failback:" + ri.id + ":" + key);
    }

    private synchronized ObjectNode setServerState(Scope scope, JsonNode in, String state) {
        SourceServer s = server(scope, Json.required(in, "sourceServerID"));
        for (Job j : activeJobs(scope)) {
            for (Participant p : j.participants) {
                if (p.sourceServerId.equals(s.id)) {
                    throw new AwsServiceException(
                                    409,
                                    "ConflictException",
                                    "Source server " + s.id + " is in active job " + j.id
                                            + "; wait for it to complete.")
                            .with("resourceId", s.id)
                            .with("resourceType", "SOURCE_SERVER");
                }
            }
        }
        s.replicationState = state;
        return s.json(now());
    }

    // ---- helpers

    /** Runs a lifecycle step after a delay, unless the simulator was reset in between. */
    private void later(Duration delay, Runnable step) {
        long armed = generation.get();
        timers.after(delay, () -> {
            if (generation.get() == armed) {
                step.run();
            }
        });
    }

    private Instant now() {
        return Instant.now(timers.clock());
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> out = new LinkedHashSet<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static @Nullable Instant instant(JsonNode node, String field) {
        String v = Json.text(node, field);
        if (v == null) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(v);
            } catch (DateTimeParseException e2) {
                throw fieldError(field, field + " is not an ISO-8601 date-time: " + v);
            }
        }
    }

    /** One page of {@code keys}, as DRS answers a Describe call: {@code items} and {@code nextToken}. */
    private static ObjectNode page(
            List<String> keys, JsonNode in, java.util.function.Function<String, ? extends JsonNode> render) {
        return Page.of(keys, Json.text(in, "nextToken"), maxResults(in)).render("items", "nextToken", render);
    }

    private static int maxResults(JsonNode in) {
        return in.hasNonNull("maxResults") ? in.get("maxResults").asInt() : 1000;
    }
}
