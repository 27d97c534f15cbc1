package dev.drsorchestrator.drsadapter.application;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.contracts.EventCodec;
import dev.drsorchestrator.contracts.envelope.EventMetadata;
import dev.drsorchestrator.contracts.events.drs.WaveActionCompleted;
import dev.drsorchestrator.contracts.events.execution.WaveActionRequested;
import dev.drsorchestrator.contracts.model.ActionOutcome;
import dev.drsorchestrator.contracts.model.HttpCheckAction;
import dev.drsorchestrator.contracts.model.LambdaAction;
import dev.drsorchestrator.contracts.model.RecoveredServer;
import dev.drsorchestrator.contracts.model.SsmDocumentAction;
import dev.drsorchestrator.drsadapter.config.DrsConfig;
import dev.drsorchestrator.drsadapter.domain.ActionApi;
import dev.drsorchestrator.drsadapter.domain.ActionRun;
import dev.drsorchestrator.drsadapter.domain.Consumed;
import dev.drsorchestrator.drsadapter.domain.DrsCallFailed;
import dev.drsorchestrator.drsadapter.domain.JobStore;
import dev.drsorchestrator.drsadapter.domain.Outgoing;
import dev.drsorchestrator.drsadapter.domain.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Runs wave actions: {@code SSM_DOCUMENT} (SendCommand to the wave's recovered EC2 instances, then
 * GetCommandInvocation until each ends), {@code LAMBDA} (Invoke with the payload plus the execution context) and
 * {@code HTTP_CHECK} (GET until the expected status). An action is stored when requested and advanced step by step
 * under a lease, so a long action never blocks the inbox and another instance takes it over after a crash; its end
 * is published once as {@code WaveActionCompleted}.
 */
@ApplicationScoped
public class ActionService {

    private static final Logger LOG = Logger.getLogger(ActionService.class);
    private static final Pattern LAMBDA_ARN = Pattern.compile("^arn:aws[a-z-]*:lambda:([a-z0-9-]+):([0-9]{12}):");
    private static final Duration SSM_CHECK = Duration.ofSeconds(1);
    private static final int SSM_INSTANCES_PER_CALL = 50;

    private final ActionApi api;
    private final JobStore store;
    private final DrsConfig config;
    private final Clock clock;
    private final Wakeup wakeup = new Wakeup();
    private final String owner = "drs-adapter-" + UUID.randomUUID();
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private final ExecutorService workers = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "drs-adapter-actions");
        t.setDaemon(true);
        return t;
    });

    ActionService(ActionApi api, JobStore store, DrsConfig config, Clock clock) {
        this.api = api;
        this.store = store;
        this.config = config;
        this.clock = clock;
    }

    public Wakeup wakeup() {
        return wakeup;
    }

    public void onRequested(WaveActionRequested request, EventMetadata cause, Consumed consumed) {
        Instant now = clock.instant();
        ActionRun run = new ActionRun();
        run.id = ActionRun.idOf(
                request.executionId(),
                request.waveId(),
                request.phase(),
                request.attempt(),
                request.action().actionId().value());
        run.executionId = request.executionId();
        run.planId = request.planId();
        run.waveId = request.waveId();
        run.phase = request.phase();
        run.attempt = request.attempt();
        run.executionType = request.executionType();
        run.action = request.action();
        run.servers = new ArrayList<>(request.recoveredServers());
        run.createdAt = now;
        run.nextStepAt = now;
        run.causationId = cause.eventId();
        run.traceparent = cause.traceparent();
        try {
            store.createAction(run, consumed);
        } catch (JobStore.Conflict e) {
            LOG.infof("%s is already running; this request changes nothing", run.id);
            store.acknowledge(consumed, List.of());
            return;
        }
        wakeup.signal();
    }

    /** Starts a step of every due action that no instance holds. */
    public void tick() {
        Instant now = clock.instant();
        for (ActionRun run : store.openActions()) {
            if (running.contains(run.id)
                    || run.nextStepAt.isAfter(now)
                    || (run.leaseUntil != null && run.leaseUntil.isAfter(now))) {
                continue;
            }
            run.leaseOwner = owner;
            run.leaseUntil = now.plus(leaseFor(run));
            try {
                store.save(run, List.of());
            } catch (JobStore.Conflict e) {
                continue;
            }
            running.add(run.id);
            workers.submit(() -> {
                org.jboss.logging.MDC.put("correlationId", run.executionId.value());
                try {
                    step(run);
                } catch (RuntimeException e) {
                    LOG.warnf(e, "%s: a step failed; it is tried again when its lease ends", run.id);
                } finally {
                    org.jboss.logging.MDC.remove("correlationId");
                    running.remove(run.id);
                    wakeup.signal();
                }
            });
        }
    }

    public void stop() {
        workers.shutdownNow();
    }

    private Duration leaseFor(ActionRun run) {
        return run.action instanceof LambdaAction l
                ? Duration.ofSeconds(l.timeoutSeconds() + 30L)
                : Duration.ofSeconds(60);
    }

    void step(ActionRun run) {
        Instant now = clock.instant();
        if (run.startedAt == null) {
            run.startedAt = now;
            run.deadline = now.plusSeconds(timeoutOf(run));
        }
        Result result;
        try {
            if (run.action instanceof SsmDocumentAction ssm) {
                result = ssm(run, ssm);
            } else if (run.action instanceof LambdaAction lambda) {
                result = lambda(run, lambda);
            } else if (run.action instanceof HttpCheckAction http) {
                result = http(run, http);
            } else {
                result = Result.done(ActionOutcome.FAILED, null, run.action.type() + " is not run by drs-adapter");
            }
        } catch (DrsCallFailed e) {
            if (e.kind() == DrsCallFailed.Kind.THROTTLED || e.kind() == DrsCallFailed.Kind.AMBIGUOUS) {
                run.lastSeen = e.getMessage();
                result = Result.again(Duration.ofSeconds(2));
            } else {
                result = Result.done(ActionOutcome.FAILED, null, e.getMessage());
            }
        }
        now = clock.instant();
        if (!result.finished() && !now.isBefore(Objects.requireNonNull(run.deadline))) {
            result = Result.done(
                    ActionOutcome.TIMED_OUT,
                    null,
                    run.action.type() + " did not finish within " + timeoutOf(run) + "s"
                            + (run.lastSeen == null ? "" : "; last seen: " + run.lastSeen));
        }
        run.leaseOwner = null;
        run.leaseUntil = null;
        List<Outgoing> events = List.of();
        if (result.finished()) {
            run.done = true;
            Instant started = Objects.requireNonNull(run.startedAt);
            WaveActionCompleted completed = new WaveActionCompleted(
                    run.executionId,
                    run.waveId,
                    run.action.actionId(),
                    run.phase,
                    run.attempt,
                    result.outcome(),
                    started,
                    now,
                    Math.max(0, Duration.between(started, now).toMillis()),
                    bound(result.output()),
                    bound(result.error()));
            events = List.of(
                    new Outgoing(Metadata.of(run.executionId, run.causationId, run.traceparent, now), completed));
            LOG.infof("%s ended %s%s", run.id, result.outcome(), result.error() == null ? "" : ": " + result.error());
        } else {
            run.nextStepAt = now.plus(result.again());
        }
        store.save(run, events);
    }

    private static long timeoutOf(ActionRun run) {
        if (run.action instanceof SsmDocumentAction a) {
            return a.timeoutSeconds();
        } else if (run.action instanceof LambdaAction a) {
            return a.timeoutSeconds();
        } else if (run.action instanceof HttpCheckAction a) {
            return a.timeoutSeconds();
        }
        return 60;
    }

    private Result ssm(ActionRun run, SsmDocumentAction action) {
        if (run.commands.isEmpty()) {
            Map<Scope, List<String>> targets = new LinkedHashMap<>();
            for (RecoveredServer s : run.servers) {
                String instance = s.ec2InstanceId() != null
                        ? s.ec2InstanceId().value()
                        : s.recoveryInstanceId() != null
                                        && s.recoveryInstanceId().value().startsWith("i-")
                                ? s.recoveryInstanceId().value()
                                : null;
                if (instance != null) {
                    targets.computeIfAbsent(new Scope(s.accountId(), s.region()), k -> new ArrayList<>())
                            .add(instance);
                }
            }
            if (targets.isEmpty()) {
                return Result.done(
                        ActionOutcome.FAILED,
                        null,
                        "the wave has no recovered EC2 instances to run " + action.documentName() + " on");
            }
            String comment = "drs-orchestrator " + run.executionId + " wave " + run.waveId;
            for (var e : targets.entrySet()) {
                List<String> all = e.getValue();
                for (int i = 0; i < all.size(); i += SSM_INSTANCES_PER_CALL) {
                    List<String> chunk = all.subList(i, Math.min(all.size(), i + SSM_INSTANCES_PER_CALL));
                    String command =
                            api.sendCommand(e.getKey(), action.documentName(), action.parameters(), chunk, comment);
                    chunk.forEach(instance -> run.commands.put(e.getKey().key() + "|" + instance, command));
                }
            }
            return Result.again(SSM_CHECK);
        }
        for (var e : run.commands.entrySet()) {
            if (run.results.containsKey(e.getKey())) {
                continue;
            }
            String[] parts = e.getKey().split("\\|");
            String[] scope = parts[0].split("/");
            ActionApi.CommandResult r = api.commandResult(Scope.of(scope[0], scope[1]), e.getValue(), parts[1]);
            if (r.finished()) {
                run.results.put(e.getKey(), r);
            } else {
                run.lastSeen = parts[1] + " " + r.status();
            }
        }
        if (run.results.size() < run.commands.size()) {
            return Result.again(SSM_CHECK);
        }
        StringBuilder out = new StringBuilder();
        List<String> failed = new ArrayList<>();
        run.results.forEach((key, r) -> {
            String instance = key.substring(key.indexOf('|') + 1);
            out.append(instance).append(": ").append(r.status()).append('\n').append(r.output());
            if (!r.output().endsWith("\n") && !r.output().isEmpty()) {
                out.append('\n');
            }
            if (!"Success".equals(r.status())) {
                failed.add(instance + " " + r.status()
                        + (r.error().isBlank() ? "" : " (" + r.error().strip() + ")"));
            }
        });
        return failed.isEmpty()
                ? Result.done(ActionOutcome.SUCCEEDED, out.toString(), null)
                : Result.done(
                        ActionOutcome.FAILED,
                        out.toString(),
                        action.documentName() + " failed on " + failed.size() + " of " + run.results.size()
                                + " instance(s): " + String.join("; ", failed));
    }

    private Result lambda(ActionRun run, LambdaAction action) {
        Matcher m = LAMBDA_ARN.matcher(action.functionArn());
        if (!m.find()) {
            return Result.done(ActionOutcome.FAILED, null, "not a Lambda function ARN: " + action.functionArn());
        }
        Scope scope = Scope.of(m.group(2), m.group(1));
        Duration left = Duration.between(clock.instant(), Objects.requireNonNull(run.deadline));
        ActionApi.LambdaResult r = api.invoke(
                scope, action.functionArn(), payload(run, action), left.isNegative() ? Duration.ofSeconds(1) : left);
        if (r.functionError() != null) {
            return Result.done(
                    ActionOutcome.FAILED,
                    r.payload(),
                    "the function failed (" + r.functionError() + "): " + r.payload());
        }
        return Result.done(ActionOutcome.SUCCEEDED, r.payload(), null);
    }

    /** The action's payload plus the execution context under {@code drsOrchestrator}. */
    static String payload(ActionRun run, LambdaAction action) {
        ObjectNode context = EventCodec.mapper().createObjectNode();
        context.put("executionId", run.executionId.value())
                .put("planId", run.planId.value())
                .put("waveId", run.waveId.value())
                .put("phase", run.phase.name())
                .put("attempt", run.attempt)
                .put("executionType", run.executionType.name())
                .put("actionId", action.actionId().value());
        context.set("recoveredServers", EventCodec.mapper().valueToTree(run.servers));
        JsonNode given = action.payload();
        ObjectNode out;
        if (given != null && given.isObject()) {
            out = ((ObjectNode) given).deepCopy();
        } else {
            out = EventCodec.mapper().createObjectNode();
            if (given != null && !given.isNull()) {
                out.set("payload", given);
            }
        }
        out.set("drsOrchestrator", context);
        return out.toString();
    }

    private Result http(ActionRun run, HttpCheckAction action) {
        run.checks++;
        int status;
        try {
            status = api.httpStatus(action.url(), Duration.ofSeconds(Math.min(10, action.timeoutSeconds())));
        } catch (DrsCallFailed e) {
            run.lastSeen = "no answer (" + e.getMessage() + ")";
            return Result.again(Duration.ofSeconds(action.intervalSeconds()));
        }
        if (status == action.expectedStatus()) {
            return Result.done(
                    ActionOutcome.SUCCEEDED,
                    "GET " + action.url() + " answered " + status + " after " + run.checks + " check(s)",
                    null);
        }
        run.lastSeen = "GET " + action.url() + " answered " + status + ", expected " + action.expectedStatus();
        return Result.again(Duration.ofSeconds(action.intervalSeconds()));
    }

    private String bound(String text) {
        if (text == null) {
            return null;
        }
        int max = Math.min(config.actions().maxExcerpt(), WaveActionCompleted.MAX_EXCERPT);
        return text.length() <= max ? text : text.substring(0, max - 15) + "… (truncated)";
    }

    private record Result(boolean finished, ActionOutcome outcome, String output, String error, Duration again) {
        static Result done(ActionOutcome outcome, String output, String error) {
            return new Result(true, outcome, output, error, Duration.ZERO);
        }

        static Result again(Duration after) {
            return new Result(false, null, null, null, after);
        }
    }
}
