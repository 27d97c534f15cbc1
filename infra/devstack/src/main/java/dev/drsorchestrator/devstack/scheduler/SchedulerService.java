package dev.drsorchestrator.devstack.scheduler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.devstack.events.DeliveryLog;
import dev.drsorchestrator.devstack.events.EventBridgeService;
import dev.drsorchestrator.devstack.events.TargetInvoker;
import dev.drsorchestrator.devstack.http.AwsRequest;
import dev.drsorchestrator.devstack.http.AwsService;
import dev.drsorchestrator.devstack.http.AwsServiceException;
import dev.drsorchestrator.devstack.http.HttpResult;
import dev.drsorchestrator.devstack.http.Json;
import dev.drsorchestrator.devstack.http.Page;
import dev.drsorchestrator.devstack.http.Protocol;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * EventBridge Scheduler (restJson1): schedule groups and schedules with at(), rate() and cron() in a time zone, a
 * start and end date, targets that are SQS queues or event buses (EventBridgeParameters), and the context attributes
 * {@code <aws.scheduler.*>} substituted into the input. Schedules fire on time; {@link #fireNow} fires one at once.
 */
public final class SchedulerService implements AwsService {
    private static final Pattern NAME = Pattern.compile("[0-9a-zA-Z\\-_.]{1,64}");
    private static final String DEFAULT_GROUP = "default";

    private final String account;
    private final String region;
    private final Timers timers;
    private final TargetInvoker invoker;
    private final EventBridgeService events;
    private final DeliveryLog deliveries;
    // guarded by this; key "group/name"
    private final Map<String, Schedule> schedules = new TreeMap<>();
    private final Map<String, Instant> groups = new TreeMap<>();
    private final List<ObjectNode> firings = new ArrayList<>();

    private static final class Schedule {
        final String group;
        final String name;
        final String arn;
        final Instant created;
        Instant modified;
        ObjectNode definition;
        ScheduleExpression expression;
        ZoneId zone;

        Schedule(String group, String name, String arn, Instant created) {
            this.group = group;
            this.name = name;
            this.arn = arn;
            this.created = created;
            this.modified = created;
        }
    }

    public SchedulerService(
            String account,
            String region,
            Timers timers,
            TargetInvoker invoker,
            EventBridgeService events,
            DeliveryLog deliveries) {
        this.account = account;
        this.region = region;
        this.timers = timers;
        this.invoker = invoker;
        this.events = events;
        this.deliveries = deliveries;
        reset();
    }

    @Override
    public String signingName() {
        return "scheduler";
    }

    @Override
    public Protocol protocol() {
        return Protocol.REST_JSON;
    }

    public synchronized void reset() {
        schedules.values().forEach(s -> timers.cancel(key(s.group, s.name)));
        schedules.clear();
        groups.clear();
        groups.put(DEFAULT_GROUP, Instant.now(timers.clock()));
        firings.clear();
    }

    @Override
    public HttpResult handle(AwsRequest request) {
        String[] parts = request.path().split("/");
        String collection = parts.length > 1 ? parts[1] : "";
        String name = parts.length > 2 ? URLDecoder.decode(parts[2], StandardCharsets.UTF_8) : null;
        String method = request.method();
        ObjectNode out;
        if (collection.equals("schedules")) {
            if (name == null) {
                out = listSchedules(request.query());
            } else {
                String group = groupOf(
                        method.equals("GET") || method.equals("DELETE")
                                ? request.query().get("groupName")
                                : Json.text(request.json(), "GroupName"));
                out = switch (method) {
                    case "POST" -> put(group, name, request.json(), true);
                    case "PUT" -> put(group, name, request.json(), false);
                    case "GET" -> get(group, name);
                    case "DELETE" -> delete(group, name);
                    default -> throw AwsServiceException.validation("unsupported method " + method);
                };
            }
        } else if (collection.equals("schedule-groups")) {
            out = switch (method) {
                case "POST" -> createGroup(name);
                case "GET" -> name == null ? listGroups(request.query()) : getGroup(name);
                case "DELETE" -> deleteGroup(name);
                default -> throw AwsServiceException.validation("unsupported method " + method);
            };
        } else {
            throw AwsServiceException.validation("devstack Scheduler does not serve " + method + " " + request.path());
        }
        return HttpResult.json(200, out, "application/json");
    }

    private static String groupOf(@Nullable String group) {
        return group == null || group.isBlank() ? DEFAULT_GROUP : group;
    }

    private static String key(String group, String name) {
        return group + "/" + name;
    }

    private String arn(String group, String name) {
        return "arn:aws:scheduler:" + region + ":" + account + ":schedule/" + group + "/" + name;
    }

    private synchronized ObjectNode put(String group, String name, JsonNode in, boolean create) {
        if (!NAME.matcher(name).matches()) {
            throw AwsServiceException.validation("Name '" + name + "' must be 1-64 characters of [0-9a-zA-Z-_.].");
        }
        if (!groups.containsKey(group)) {
            throw AwsServiceException.notFound(
                    "ResourceNotFoundException", "Schedule group " + group + " does not exist.");
        }
        Schedule existing = schedules.get(key(group, name));
        if (create && existing != null) {
            throw new AwsServiceException(409, "ConflictException", "Schedule " + name + " already exists.");
        }
        if (!create && existing == null) {
            throw AwsServiceException.notFound("ResourceNotFoundException", "Schedule " + name + " does not exist.");
        }
        String expressionText = Json.required(in, "ScheduleExpression");
        ScheduleExpression expression;
        try {
            expression = ScheduleExpression.parse(expressionText, true);
        } catch (IllegalArgumentException e) {
            throw AwsServiceException.validation(
                    "Invalid Schedule Expression " + expressionText + ": " + e.getMessage());
        }
        ZoneId zone;
        try {
            String tz = Json.text(in, "ScheduleExpressionTimezone");
            zone = tz == null ? ZoneId.of("UTC") : ZoneId.of(tz);
        } catch (DateTimeException e) {
            throw AwsServiceException.validation(
                    "Invalid ScheduleExpressionTimezone: " + Json.text(in, "ScheduleExpressionTimezone"));
        }
        JsonNode window = in.path("FlexibleTimeWindow");
        String mode = Json.text(window, "Mode");
        if (mode == null || !(mode.equals("OFF") || mode.equals("FLEXIBLE"))) {
            throw AwsServiceException.validation("FlexibleTimeWindow.Mode is required: OFF or FLEXIBLE.");
        }
        JsonNode target = in.path("Target");
        String targetArn = Json.text(target, "Arn");
        if (targetArn == null || Json.text(target, "RoleArn") == null) {
            throw AwsServiceException.validation("Target.Arn and Target.RoleArn are required.");
        }
        if (!targetArn.startsWith("arn:aws:sqs:")
                && !targetArn.contains(":event-bus/")
                && !targetArn.startsWith("arn:aws:sns:")
                && !targetArn.startsWith("arn:aws:lambda:")) {
            throw AwsServiceException.validation("devstack Scheduler targets SQS queues, event buses, SNS topics and"
                    + " Lambda functions; " + targetArn + " is none of them.");
        }
        if (targetArn.contains(":event-bus/")) {
            JsonNode ebp = target.path("EventBridgeParameters");
            if (Json.text(ebp, "DetailType") == null || Json.text(ebp, "Source") == null) {
                throw AwsServiceException.validation(
                        "An event bus target needs EventBridgeParameters.DetailType and Source.");
            }
        }
        String state = Json.text(in, "State");
        if (state != null && !state.equals("ENABLED") && !state.equals("DISABLED")) {
            throw AwsServiceException.validation("State must be ENABLED or DISABLED.");
        }
        Instant now = Instant.now(timers.clock());
        Schedule s = existing != null ? existing : new Schedule(group, name, arn(group, name), now);
        ObjectNode def = in.deepCopy();
        def.put("Name", name).put("GroupName", group).put("State", state == null ? "ENABLED" : state);
        if (!def.hasNonNull("ScheduleExpressionTimezone")) {
            def.put("ScheduleExpressionTimezone", "UTC");
        }
        if (!def.hasNonNull("ActionAfterCompletion")) {
            def.put("ActionAfterCompletion", "NONE");
        }
        def.remove("ClientToken");
        s.definition = def;
        s.expression = expression;
        s.zone = zone;
        s.modified = now;
        schedules.put(key(group, name), s);
        arm(s);
        return Json.object().put("ScheduleArn", s.arn);
    }

    private void arm(Schedule s) {
        String k = key(s.group, s.name);
        timers.cancel(k);
        if (!"ENABLED".equals(Json.text(s.definition, "State"))) {
            return;
        }
        Instant start = instant(s.definition.get("StartDate"));
        Instant end = instant(s.definition.get("EndDate"));
        Instant anchor = start != null ? start : s.modified;
        ScheduleExpression expression = s.expression;
        ZoneId zone = s.zone;
        timers.arm(
                k,
                after -> {
                    Instant from = start != null && after.isBefore(start) ? start.minusMillis(1) : after;
                    return expression.next(from, anchor, zone).filter(t -> end == null || !t.isAfter(end));
                },
                () -> fire(s, Instant.now(timers.clock())));
    }

    private static @Nullable Instant instant(@Nullable JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isNumber()) {
            return Instant.ofEpochMilli((long) (v.asDouble() * 1000));
        }
        return Instant.parse(v.asText());
    }

    /** Fires a schedule as if its time had come (the admin API; tests must not wait for the clock). */
    public void fireNow(String group, String name) {
        fireNow(group, name, 1);
    }

    /**
     * Fires a schedule now and delivers that one firing {@code deliveries} times, with the same execution id, as
     * EventBridge Scheduler's at-least-once delivery may: consumers must run it once.
     */
    public void fireNow(String group, String name, int times) {
        if (times < 1 || times > 10) {
            throw new IllegalArgumentException("deliveries: between 1 and 10, got " + times);
        }
        Schedule s;
        synchronized (this) {
            s = schedules.get(key(groupOf(group), name));
        }
        if (s == null) {
            throw AwsServiceException.notFound(
                    "ResourceNotFoundException", "Schedule " + group + "/" + name + " does not exist.");
        }
        fire(s, Instant.now(timers.clock()), times);
    }

    private void fire(Schedule s, Instant scheduledTime) {
        fire(s, scheduledTime, 1);
    }

    private void fire(Schedule s, Instant scheduledTime, int times) {
        JsonNode target;
        synchronized (this) {
            target = s.definition.get("Target").deepCopy();
        }
        String executionId = UUID.randomUUID().toString();
        String input = Json.text(target, "Input");
        input = input == null
                ? "{}"
                : input.replace("<aws.scheduler.schedule-arn>", s.arn)
                        .replace(
                                "<aws.scheduler.scheduled-time>",
                                DateTimeFormatter.ISO_INSTANT.format(
                                        scheduledTime.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)))
                        .replace("<aws.scheduler.execution-id>", executionId)
                        .replace("<aws.scheduler.attempt-number>", "1");
        String arn = Json.text(target, "Arn");
        String error = null;
        for (int d = 0; d < times && error == null; d++) {
            error = deliver(s, target, arn, input);
        }
        if (error != null) {
            deliveries.failed(Instant.now(timers.clock()), "schedule " + s.arn, arn, error, input);
        }
        synchronized (this) {
            firings.add(Json.object()
                    .put("scheduleArn", s.arn)
                    .put("scheduledTime", scheduledTime.toString())
                    .put("executionId", executionId)
                    .put("deliveries", times)
                    .put("delivered", error == null));
            if (s.expression.oneTime() && "DELETE".equals(Json.text(s.definition, "ActionAfterCompletion"))) {
                schedules.remove(key(s.group, s.name));
                timers.cancel(key(s.group, s.name));
            }
        }
    }

    /** Delivers one firing to its target; the error, or null when it was delivered. */
    private @Nullable String deliver(Schedule s, JsonNode target, String arn, String input) {
        if (arn.contains(":event-bus/")) {
            JsonNode ebp = target.path("EventBridgeParameters");
            try {
                JsonNode detail = Json.parse(input);
                if (!detail.isObject()) {
                    throw new IllegalArgumentException("the input must be a JSON object to be an event's detail");
                }
                events.putEvent(
                        arn,
                        Json.text(ebp, "Source"),
                        Json.text(ebp, "DetailType"),
                        (ObjectNode) detail,
                        List.of(s.arn));
                return null;
            } catch (IllegalArgumentException e) {
                return e.getMessage();
            }
        }
        return invoker.invoke(arn, input, Json.text(target.path("SqsParameters"), "MessageGroupId"));
    }

    /** Every firing so far (the admin API). */
    public synchronized List<ObjectNode> firings() {
        return new ArrayList<>(firings);
    }

    private synchronized ObjectNode get(String group, String name) {
        Schedule s = schedules.get(key(group, name));
        if (s == null) {
            throw AwsServiceException.notFound("ResourceNotFoundException", "Schedule " + name + " does not exist.");
        }
        ObjectNode out = s.definition.deepCopy();
        out.put("Arn", s.arn)
                .put("CreationDate", s.created.toEpochMilli() / 1000.0)
                .put("LastModificationDate", s.modified.toEpochMilli() / 1000.0);
        return out;
    }

    private synchronized ObjectNode delete(String group, String name) {
        if (schedules.remove(key(group, name)) == null) {
            throw AwsServiceException.notFound("ResourceNotFoundException", "Schedule " + name + " does not exist.");
        }
        timers.cancel(key(group, name));
        return Json.object();
    }

    private synchronized ObjectNode listSchedules(Map<String, String> q) {
        String group = q.get("ScheduleGroup");
        String prefix = q.get("NamePrefix");
        String state = q.get("State");
        List<String> keys = new ArrayList<>();
        schedules.forEach((k, s) -> {
            if ((group == null || s.group.equals(group))
                    && (prefix == null || s.name.startsWith(prefix))
                    && (state == null || state.equals(Json.text(s.definition, "State")))) {
                keys.add(k);
            }
        });
        Page page = Page.of(
                keys, q.get("NextToken"), q.containsKey("MaxResults") ? Integer.parseInt(q.get("MaxResults")) : 100);
        ObjectNode out = Json.object();
        ArrayNode items = out.putArray("Schedules");
        for (String k : page.items()) {
            Schedule s = schedules.get(k);
            ObjectNode item = items.addObject()
                    .put("Arn", s.arn)
                    .put("Name", s.name)
                    .put("GroupName", s.group)
                    .put("State", Json.text(s.definition, "State"))
                    .put("CreationDate", s.created.toEpochMilli() / 1000.0)
                    .put("LastModificationDate", s.modified.toEpochMilli() / 1000.0);
            item.putObject("Target").put("Arn", Json.text(s.definition.path("Target"), "Arn"));
        }
        page.writeToken(out, "NextToken");
        return out;
    }

    private synchronized ObjectNode createGroup(@Nullable String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw AwsServiceException.validation("Schedule group name must be 1-64 characters of [0-9a-zA-Z-_.].");
        }
        if (groups.putIfAbsent(name, Instant.now(timers.clock())) != null) {
            throw new AwsServiceException(409, "ConflictException", "Schedule group " + name + " already exists.");
        }
        return Json.object().put("ScheduleGroupArn", groupArn(name));
    }

    private String groupArn(String name) {
        return "arn:aws:scheduler:" + region + ":" + account + ":schedule-group/" + name;
    }

    private synchronized ObjectNode getGroup(String name) {
        Instant created = groups.get(name);
        if (created == null) {
            throw AwsServiceException.notFound(
                    "ResourceNotFoundException", "Schedule group " + name + " does not exist.");
        }
        return Json.object()
                .put("Name", name)
                .put("Arn", groupArn(name))
                .put("State", "ACTIVE")
                .put("CreationDate", created.toEpochMilli() / 1000.0)
                .put("LastModificationDate", created.toEpochMilli() / 1000.0);
    }

    private synchronized ObjectNode deleteGroup(@Nullable String name) {
        if (DEFAULT_GROUP.equals(name)) {
            throw AwsServiceException.validation("The default schedule group cannot be deleted.");
        }
        if (name == null || groups.remove(name) == null) {
            throw AwsServiceException.notFound(
                    "ResourceNotFoundException", "Schedule group " + name + " does not exist.");
        }
        schedules.values().removeIf(s -> {
            if (s.group.equals(name)) {
                timers.cancel(key(s.group, s.name));
                return true;
            }
            return false;
        });
        return Json.object();
    }

    private synchronized ObjectNode listGroups(Map<String, String> q) {
        String prefix = q.get("NamePrefix");
        List<String> names = groups.keySet().stream()
                .filter(n -> prefix == null || n.startsWith(prefix))
                .toList();
        Page page = Page.of(
                names, q.get("NextToken"), q.containsKey("MaxResults") ? Integer.parseInt(q.get("MaxResults")) : 100);
        ObjectNode out = Json.object();
        ArrayNode items = out.putArray("ScheduleGroups");
        page.items().forEach(n -> items.add(getGroup(n)));
        page.writeToken(out, "NextToken");
        return out;
    }
}
