package dev.drsorchestrator.devstack.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.devstack.http.AwsRequest;
import dev.drsorchestrator.devstack.http.AwsService;
import dev.drsorchestrator.devstack.http.AwsServiceException;
import dev.drsorchestrator.devstack.http.HttpResult;
import dev.drsorchestrator.devstack.http.Json;
import dev.drsorchestrator.devstack.http.Page;
import dev.drsorchestrator.devstack.http.Protocol;
import dev.drsorchestrator.devstack.scheduler.ScheduleExpression;
import dev.drsorchestrator.devstack.scheduler.Timers;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import software.amazon.event.ruler.GenericMachine;
import software.amazon.event.ruler.JsonRuleCompiler;

/**
 * EventBridge (awsJson1.1, {@code AWSEvents.*}): buses, rules with event patterns or schedules, targets with
 * Input/InputPath/InputTransformer, and PutEvents. Patterns are matched by AWS's own event-ruler, so they behave as in
 * EventBridge. Delivery happens before PutEvents answers, so a message is in its queue when the call returns.
 */
public final class EventBridgeService implements AwsService {
    public static final String DEFAULT_BUS = "default";
    private static final int MAX_ENTRIES = 10;
    private static final int MAX_REQUEST_BYTES = 256 * 1024;
    private static final int MAX_TARGETS = 5;
    private static final int RECENT = 1000;
    private static final Pattern NAME = Pattern.compile("[.\\-_A-Za-z0-9]{1,64}");
    private static final Pattern BUS_NAME = Pattern.compile("[/.\\-_A-Za-z0-9]{1,256}");
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private final String account;
    private final String region;
    private final Timers timers;
    private final TargetInvoker invoker;
    private final DeliveryLog deliveries;
    private final Map<String, Bus> buses = new ConcurrentHashMap<>();
    private final Deque<JsonNode> recent = new ArrayDeque<>();

    private static final class Bus {
        final String name;
        final String arn;
        final Instant created;
        final Map<String, Rule> rules = new LinkedHashMap<>();
        final GenericMachine<String> machine = new GenericMachine<>();

        Bus(String name, String arn, Instant created) {
            this.name = name;
            this.arn = arn;
            this.created = created;
        }
    }

    private static final class Rule {
        final String name;
        final String arn;
        final Bus bus;

        @Nullable
        String pattern;

        @Nullable
        ScheduleExpression schedule;

        Instant scheduleAnchor = Instant.EPOCH;
        String state = "ENABLED";

        @Nullable
        String description;

        @Nullable
        String roleArn;

        final Map<String, Target> targets = new LinkedHashMap<>();

        Rule(String name, String arn, Bus bus) {
            this.name = name;
            this.arn = arn;
            this.bus = bus;
        }
    }

    private record Target(
            String id,
            String arn,
            @Nullable String input,
            @Nullable String inputPath,
            @Nullable InputTransformer transformer,
            @Nullable String messageGroupId,
            JsonNode raw) {}

    public EventBridgeService(
            String account, String region, Timers timers, TargetInvoker invoker, DeliveryLog deliveries) {
        this.account = account;
        this.region = region;
        this.timers = timers;
        this.invoker = invoker;
        this.deliveries = deliveries;
        reset();
    }

    @Override
    public String signingName() {
        return "events";
    }

    @Override
    public Protocol protocol() {
        return Protocol.JSON;
    }

    /** Forgets every bus but a fresh default one, every rule and timer. */
    public void reset() {
        for (Bus bus : buses.values()) {
            synchronized (bus) {
                bus.rules.values().forEach(r -> timers.cancel(timerKey(r)));
            }
        }
        buses.clear();
        buses.put(DEFAULT_BUS, newBus(DEFAULT_BUS));
        synchronized (recent) {
            recent.clear();
        }
    }

    private Bus newBus(String name) {
        return new Bus(
                name, "arn:aws:events:" + region + ":" + account + ":event-bus/" + name, Instant.now(timers.clock()));
    }

    @Override
    public HttpResult handle(AwsRequest request) {
        JsonNode in = request.json();
        ObjectNode out =
                switch (request.target()) {
                    case "CreateEventBus" -> createEventBus(in);
                    case "DescribeEventBus" -> describeEventBus(in);
                    case "DeleteEventBus" -> deleteEventBus(in);
                    case "ListEventBuses" -> listEventBuses(in);
                    case "PutRule" -> putRule(in);
                    case "DescribeRule" -> describeRule(in);
                    case "ListRules" -> listRules(in);
                    case "DeleteRule" -> deleteRule(in);
                    case "EnableRule" -> setState(in, "ENABLED");
                    case "DisableRule" -> setState(in, "DISABLED");
                    case "PutTargets" -> putTargets(in);
                    case "RemoveTargets" -> removeTargets(in);
                    case "ListTargetsByRule" -> listTargetsByRule(in);
                    case "PutEvents" -> putEvents(in);
                    case "TestEventPattern" -> testEventPattern(in);
                    default ->
                        throw AwsServiceException.badRequest(
                                "UnknownOperationException",
                                "devstack EventBridge does not implement " + request.target());
                };
        return HttpResult.json(200, out, jsonContentType());
    }

    // ---- buses

    private ObjectNode createEventBus(JsonNode in) {
        String name = Json.required(in, "Name");
        if (!BUS_NAME.matcher(name).matches() || name.equals(DEFAULT_BUS)) {
            throw AwsServiceException.validation("Event bus name '" + name + "' is not valid.");
        }
        Bus bus = newBus(name);
        if (buses.putIfAbsent(name, bus) != null) {
            throw AwsServiceException.badRequest(
                    "ResourceAlreadyExistsException", "Event bus " + name + " already exists.");
        }
        return Json.object().put("EventBusArn", bus.arn);
    }

    private ObjectNode describeEventBus(JsonNode in) {
        String name = busName(Json.text(in, "Name"));
        Bus bus = bus(name);
        return Json.object()
                .put("Name", bus.name)
                .put("Arn", bus.arn)
                .put("CreationTime", bus.created.getEpochSecond());
    }

    private ObjectNode deleteEventBus(JsonNode in) {
        String name = busName(Json.required(in, "Name"));
        if (name.equals(DEFAULT_BUS)) {
            throw AwsServiceException.validation("Cannot delete event bus default.");
        }
        Bus removed = buses.remove(name);
        if (removed != null) {
            synchronized (removed) {
                removed.rules.values().forEach(r -> timers.cancel(timerKey(r)));
            }
        }
        return Json.object();
    }

    private ObjectNode listEventBuses(JsonNode in) {
        String prefix = Json.text(in, "NamePrefix");
        List<String> names = buses.keySet().stream()
                .filter(n -> prefix == null || n.startsWith(prefix))
                .sorted()
                .toList();
        Page page = Page.of(names, Json.text(in, "NextToken"), limit(in));
        ObjectNode out = Json.object();
        ArrayNode items = out.putArray("EventBuses");
        page.items().forEach(n -> {
            Bus b = buses.get(n);
            if (b != null) {
                items.addObject().put("Name", b.name).put("Arn", b.arn);
            }
        });
        page.writeToken(out, "NextToken");
        return out;
    }

    private static int limit(JsonNode in) {
        return in.hasNonNull("Limit") ? in.get("Limit").asInt() : 100;
    }

    private static String busName(@Nullable String nameOrArn) {
        if (nameOrArn == null || nameOrArn.isBlank()) {
            return DEFAULT_BUS;
        }
        int i = nameOrArn.indexOf(":event-bus/");
        return i < 0 ? nameOrArn : nameOrArn.substring(i + ":event-bus/".length());
    }

    private Bus bus(String name) {
        Bus bus = buses.get(name);
        if (bus == null) {
            throw AwsServiceException.badRequest("ResourceNotFoundException", "Event bus " + name + " does not exist.");
        }
        return bus;
    }

    // ---- rules

    private ObjectNode putRule(JsonNode in) {
        String name = Json.required(in, "Name");
        if (!NAME.matcher(name).matches()) {
            throw AwsServiceException.validation("1 validation error detected: Value '" + name
                    + "' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern:"
                    + " [\\.\\-_A-Za-z0-9]+");
        }
        Bus bus = bus(busName(Json.text(in, "EventBusName")));
        String pattern = Json.text(in, "EventPattern");
        String scheduleText = Json.text(in, "ScheduleExpression");
        if (pattern == null && scheduleText == null) {
            throw AwsServiceException.validation("Parameter(s) EventPattern or ScheduleExpression must be specified.");
        }
        if (pattern != null) {
            String reason = JsonRuleCompiler.check(pattern);
            if (reason != null) {
                throw AwsServiceException.badRequest(
                        "InvalidEventPatternException", "Event pattern is not valid. Reason: " + reason);
            }
        }
        ScheduleExpression schedule = null;
        if (scheduleText != null) {
            if (!bus.name.equals(DEFAULT_BUS)) {
                throw AwsServiceException.validation("ScheduleExpression is supported only on the default event bus.");
            }
            try {
                schedule = ScheduleExpression.parse(scheduleText, false);
            } catch (IllegalArgumentException e) {
                throw AwsServiceException.validation("Parameter ScheduleExpression is not valid. " + e.getMessage());
            }
        }
        String state = Json.text(in, "State");
        if (state != null && !state.equals("ENABLED") && !state.equals("DISABLED")) {
            throw AwsServiceException.validation("State must be ENABLED or DISABLED, not " + state);
        }
        Rule rule;
        synchronized (bus) {
            rule = bus.rules.computeIfAbsent(name, n -> new Rule(n, ruleArn(bus, n), bus));
            unindex(rule);
            rule.pattern = pattern;
            rule.schedule = schedule;
            rule.scheduleAnchor = Instant.now(timers.clock());
            rule.state = state == null ? "ENABLED" : state;
            rule.description = Json.text(in, "Description");
            rule.roleArn = Json.text(in, "RoleArn");
            index(rule);
        }
        return Json.object().put("RuleArn", rule.arn);
    }

    private String ruleArn(Bus bus, String name) {
        return "arn:aws:events:" + region + ":" + account + ":rule/"
                + (bus.name.equals(DEFAULT_BUS) ? "" : bus.name + "/") + name;
    }

    /** Puts a rule into its bus's matcher or onto the timers. Call holding the bus. */
    private void index(Rule rule) {
        if (rule.pattern != null) {
            try {
                rule.bus.machine.addRule(rule.name, rule.pattern);
            } catch (Exception e) {
                throw AwsServiceException.badRequest(
                        "InvalidEventPatternException", "Event pattern is not valid. Reason: " + e.getMessage());
            }
        }
        if (rule.schedule != null && rule.state.equals("ENABLED")) {
            ScheduleExpression schedule = rule.schedule;
            Instant anchor = rule.scheduleAnchor;
            timers.arm(
                    timerKey(rule),
                    after -> schedule.next(after, anchor, ZoneOffset.UTC),
                    () -> fireScheduledRule(rule));
        }
    }

    private void unindex(Rule rule) {
        if (rule.pattern != null) {
            try {
                rule.bus.machine.deleteRule(rule.name, rule.pattern);
            } catch (Exception e) {
                // the pattern was accepted when added, so it parses again
            }
        }
        timers.cancel(timerKey(rule));
    }

    private static String timerKey(Rule rule) {
        return "events-rule:" + rule.arn;
    }

    private Rule rule(JsonNode in, String nameField) {
        String name = Json.required(in, nameField);
        Bus bus = bus(busName(Json.text(in, "EventBusName")));
        synchronized (bus) {
            Rule rule = bus.rules.get(name);
            if (rule == null) {
                throw AwsServiceException.badRequest(
                        "ResourceNotFoundException", "Rule " + name + " does not exist on EventBus " + bus.name + ".");
            }
            return rule;
        }
    }

    private ObjectNode describeRule(JsonNode in) {
        Rule rule = rule(in, "Name");
        synchronized (rule.bus) {
            return describe(rule);
        }
    }

    private static ObjectNode describe(Rule rule) {
        ObjectNode out = Json.object()
                .put("Name", rule.name)
                .put("Arn", rule.arn)
                .put("State", rule.state)
                .put("EventBusName", rule.bus.name);
        if (rule.pattern != null) {
            out.put("EventPattern", rule.pattern);
        }
        if (rule.schedule != null) {
            out.put("ScheduleExpression", rule.schedule.text());
        }
        if (rule.description != null) {
            out.put("Description", rule.description);
        }
        if (rule.roleArn != null) {
            out.put("RoleArn", rule.roleArn);
        }
        return out;
    }

    private ObjectNode listRules(JsonNode in) {
        Bus bus = bus(busName(Json.text(in, "EventBusName")));
        String prefix = Json.text(in, "NamePrefix");
        List<Rule> rules;
        synchronized (bus) {
            rules = bus.rules.values().stream()
                    .filter(r -> prefix == null || r.name.startsWith(prefix))
                    .sorted((a, b) -> a.name.compareTo(b.name))
                    .toList();
            ObjectNode out = Json.object();
            ArrayNode items = out.putArray("Rules");
            List<String> names = rules.stream().map(r -> r.name).toList();
            Page page = Page.of(names, Json.text(in, "NextToken"), limit(in));
            page.items().forEach(n -> items.add(describe(bus.rules.get(n))));
            page.writeToken(out, "NextToken");
            return out;
        }
    }

    private ObjectNode deleteRule(JsonNode in) {
        String name = Json.required(in, "Name");
        Bus bus = bus(busName(Json.text(in, "EventBusName")));
        synchronized (bus) {
            Rule rule = bus.rules.get(name);
            if (rule == null) {
                return Json.object();
            }
            if (!rule.targets.isEmpty() && !in.path("Force").asBoolean(false)) {
                throw AwsServiceException.validation("Rule can't be deleted since it has targets.");
            }
            unindex(rule);
            bus.rules.remove(name);
        }
        return Json.object();
    }

    private ObjectNode setState(JsonNode in, String state) {
        Rule rule = rule(in, "Name");
        synchronized (rule.bus) {
            unindex(rule);
            rule.state = state;
            index(rule);
        }
        return Json.object();
    }

    // ---- targets

    private ObjectNode putTargets(JsonNode in) {
        Rule rule = rule(in, "Rule");
        JsonNode targets = in.path("Targets");
        if (!targets.isArray() || targets.isEmpty()) {
            throw AwsServiceException.validation("1 validation error detected: Value null at 'targets' failed to"
                    + " satisfy constraint: Member must not be null and must have at least 1 member");
        }
        ObjectNode out = Json.object();
        ArrayNode failed = out.putArray("FailedEntries");
        synchronized (rule.bus) {
            for (JsonNode t : targets) {
                String id = Json.text(t, "Id");
                String arn = Json.text(t, "Arn");
                String error = null;
                if (id == null || !Pattern.matches("[.\\-_A-Za-z0-9]{1,64}", id)) {
                    error = "Target Id must be 1-64 characters of [.-_A-Za-z0-9].";
                } else if (arn == null || !arn.startsWith("arn:")) {
                    error = "Target Arn is missing or not an ARN.";
                } else if (!rule.targets.containsKey(id) && rule.targets.size() >= MAX_TARGETS) {
                    failed.addObject()
                            .put("TargetId", id)
                            .put("ErrorCode", "LimitExceededException")
                            .put("ErrorMessage", "The requested resource exceeds the maximum number allowed.");
                    continue;
                }
                int inputs = (t.hasNonNull("Input") ? 1 : 0)
                        + (t.hasNonNull("InputPath") ? 1 : 0)
                        + (t.hasNonNull("InputTransformer") ? 1 : 0);
                if (error == null && inputs > 1) {
                    error = "Only one of Input, InputPath, or InputTransformer must be provided.";
                }
                String input = Json.text(t, "Input");
                if (error == null && input != null) {
                    try {
                        Json.parse(input);
                    } catch (IllegalArgumentException e) {
                        error = "Input is not valid JSON text.";
                    }
                }
                String inputPath = Json.text(t, "InputPath");
                if (error == null && inputPath != null && JsonPaths.check(inputPath) != null) {
                    error = "InputPath is not a valid JSON path: " + JsonPaths.check(inputPath);
                }
                InputTransformer transformer = null;
                if (error == null && t.hasNonNull("InputTransformer")) {
                    JsonNode it = t.get("InputTransformer");
                    Map<String, String> paths = new LinkedHashMap<>();
                    it.path("InputPathsMap")
                            .fields()
                            .forEachRemaining(
                                    e -> paths.put(e.getKey(), e.getValue().asText()));
                    String template = Json.text(it, "InputTemplate");
                    if (template == null) {
                        error = "InputTransformer needs an InputTemplate.";
                    } else {
                        transformer = new InputTransformer(paths, template);
                        error = transformer.check();
                    }
                }
                if (error != null) {
                    failed.addObject()
                            .put("TargetId", id == null ? "" : id)
                            .put("ErrorCode", "ValidationException")
                            .put("ErrorMessage", error);
                    continue;
                }
                rule.targets.put(
                        id,
                        new Target(
                                id,
                                arn,
                                input,
                                inputPath,
                                transformer,
                                Json.text(t.path("SqsParameters"), "MessageGroupId"),
                                t.deepCopy()));
            }
        }
        out.put("FailedEntryCount", failed.size());
        return out;
    }

    private ObjectNode removeTargets(JsonNode in) {
        Rule rule = rule(in, "Rule");
        ObjectNode out = Json.object();
        ArrayNode failed = out.putArray("FailedEntries");
        synchronized (rule.bus) {
            for (JsonNode id : in.path("Ids")) {
                if (rule.targets.remove(id.asText()) == null) {
                    failed.addObject()
                            .put("TargetId", id.asText())
                            .put("ErrorCode", "ResourceNotFoundException")
                            .put("ErrorMessage", "Target " + id.asText() + " is not on rule " + rule.name + ".");
                }
            }
        }
        out.put("FailedEntryCount", failed.size());
        return out;
    }

    private ObjectNode listTargetsByRule(JsonNode in) {
        Rule rule = rule(in, "Rule");
        ObjectNode out = Json.object();
        ArrayNode items = out.putArray("Targets");
        synchronized (rule.bus) {
            Page page =
                    Page.of(rule.targets.keySet().stream().sorted().toList(), Json.text(in, "NextToken"), limit(in));
            page.items().forEach(id -> items.add(rule.targets.get(id).raw()));
            page.writeToken(out, "NextToken");
        }
        return out;
    }

    // ---- events

    private ObjectNode putEvents(JsonNode in) {
        JsonNode entries = in.path("Entries");
        if (!entries.isArray() || entries.isEmpty()) {
            throw AwsServiceException.validation("1 validation error detected: Value null at 'entries' failed to"
                    + " satisfy constraint: Member must have length greater than or equal to 1");
        }
        if (entries.size() > MAX_ENTRIES) {
            throw AwsServiceException.validation("1 validation error detected: Value at 'entries' failed to satisfy"
                    + " constraint: Member must have length less than or equal to 10");
        }
        long total = 0;
        for (JsonNode e : entries) {
            total += entrySize(e);
        }
        if (total > MAX_REQUEST_BYTES) {
            throw AwsServiceException.validation(
                    "Total size of the entries in the request is over the limit (" + total + " > 262144 bytes).");
        }
        ObjectNode out = Json.object();
        ArrayNode results = out.putArray("Entries");
        int failed = 0;
        for (JsonNode e : entries) {
            ObjectNode result = results.addObject();
            String error = null;
            String code = "InvalidArgument";
            String source = Json.text(e, "Source");
            String detailType = Json.text(e, "DetailType");
            String detail = Json.text(e, "Detail");
            JsonNode detailNode = null;
            if (source == null || source.isBlank()) {
                error = "Parameter Source is not valid. Reason: Source is a required argument.";
            } else if (detailType == null || detailType.isBlank()) {
                error = "Parameter DetailType is not valid. Reason: DetailType is a required argument.";
            } else if (detail == null || detail.isBlank()) {
                error = "Parameter Detail is not valid. Reason: Detail is a required argument.";
            } else {
                try {
                    detailNode = Json.parse(detail);
                } catch (IllegalArgumentException ex) {
                    detailNode = null;
                }
                if (detailNode == null || !detailNode.isObject()) {
                    code = "MalformedDetail";
                    error = "Detail is malformed.";
                }
            }
            Bus bus = error == null ? buses.get(busName(Json.text(e, "EventBusName"))) : null;
            if (error == null && bus == null) {
                code = "ResourceNotFoundException";
                error = "Event bus " + busName(Json.text(e, "EventBusName")) + " does not exist.";
            }
            if (error != null) {
                failed++;
                result.put("ErrorCode", code).put("ErrorMessage", error);
                continue;
            }
            List<String> resources = new ArrayList<>();
            e.path("Resources").forEach(r -> resources.add(r.asText()));
            Instant time = e.hasNonNull("Time") ? timeOf(e.get("Time")) : Instant.now(timers.clock());
            result.put("EventId", publish(bus, source, detailType, (ObjectNode) detailNode, resources, time));
        }
        out.put("FailedEntryCount", failed);
        return out;
    }

    private static Instant timeOf(JsonNode t) {
        if (t.isNumber()) {
            return Instant.ofEpochMilli((long) (t.asDouble() * 1000));
        }
        return Instant.parse(t.asText());
    }

    /** AWS's PutEvents entry size: 14 bytes for Time, plus Source, DetailType, Detail and Resources as UTF-8. */
    private static long entrySize(JsonNode e) {
        long size = e.hasNonNull("Time") ? 14 : 0;
        for (String f : List.of("Source", "DetailType", "Detail")) {
            String v = Json.text(e, f);
            size += v == null ? 0 : v.getBytes(StandardCharsets.UTF_8).length;
        }
        for (JsonNode r : e.path("Resources")) {
            size += r.asText().getBytes(StandardCharsets.UTF_8).length;
        }
        return size;
    }

    /**
     * Puts one event on a bus as AWS services do (the DRS simulator, CloudWatch alarms, Scheduler): no size checks.
     *
     * @return the event id
     * @throws IllegalArgumentException when the bus does not exist
     */
    public String putEvent(
            String busName, String source, String detailType, ObjectNode detail, List<String> resources) {
        return putEvent(busName, source, detailType, detail, resources, account, region);
    }

    /** As {@link #putEvent(String, String, String, ObjectNode, List)}, for an event about another account or region. */
    public String putEvent(
            String busName,
            String source,
            String detailType,
            ObjectNode detail,
            List<String> resources,
            String eventAccount,
            String eventRegion) {
        Bus bus = buses.get(busName(busName));
        if (bus == null) {
            throw new IllegalArgumentException("event bus " + busName + " does not exist");
        }
        return publish(
                bus, source, detailType, detail, resources, Instant.now(timers.clock()), eventAccount, eventRegion);
    }

    private String publish(
            Bus bus, String source, String detailType, ObjectNode detail, List<String> resources, Instant time) {
        return publish(bus, source, detailType, detail, resources, time, account, region);
    }

    private String publish(
            Bus bus,
            String source,
            String detailType,
            ObjectNode detail,
            List<String> resources,
            Instant time,
            String eventAccount,
            String eventRegion) {
        String id = UUID.randomUUID().toString();
        ObjectNode event = Json.object()
                .put("version", "0")
                .put("id", id)
                .put("detail-type", detailType)
                .put("source", source)
                .put("account", eventAccount)
                .put("time", TIME.format(time.truncatedTo(ChronoUnit.SECONDS)))
                .put("region", eventRegion);
        ArrayNode res = event.putArray("resources");
        resources.forEach(res::add);
        event.set("detail", detail);
        remember(event);
        List<String> matched = bus.machine.rulesForJSONEvent(event);
        for (String name : matched) {
            List<Target> targets;
            Rule rule;
            synchronized (bus) {
                rule = bus.rules.get(name);
                if (rule == null || !rule.state.equals("ENABLED")) {
                    continue;
                }
                targets = List.copyOf(rule.targets.values());
            }
            deliver(rule, targets, event);
        }
        return id;
    }

    private void deliver(Rule rule, List<Target> targets, JsonNode event) {
        for (Target t : targets) {
            String payload;
            if (t.input() != null) {
                payload = t.input();
            } else if (t.inputPath() != null) {
                JsonNode v = JsonPaths.read(event, t.inputPath());
                payload = v == null ? "null" : Json.write(v);
            } else if (t.transformer() != null) {
                payload = t.transformer().apply(event, rule.name, rule.arn);
            } else {
                payload = Json.write(event);
            }
            String error = invoker.invoke(t.arn(), payload, t.messageGroupId());
            if (error != null) {
                deliveries.failed(Instant.now(timers.clock()), "events rule " + rule.arn, t.arn(), error, payload);
            }
        }
    }

    private void fireScheduledRule(Rule rule) {
        List<Target> targets;
        synchronized (rule.bus) {
            if (!rule.state.equals("ENABLED")) {
                return;
            }
            targets = List.copyOf(rule.targets.values());
        }
        ObjectNode event = Json.object()
                .put("version", "0")
                .put("id", UUID.randomUUID().toString())
                .put("detail-type", "Scheduled Event")
                .put("source", "aws.events")
                .put("account", account)
                .put("time", TIME.format(Instant.now(timers.clock())))
                .put("region", region);
        event.putArray("resources").add(rule.arn);
        event.putObject("detail");
        remember(event);
        deliver(rule, targets, event);
    }

    /** Fires a schedule rule now, as if its time had come (the admin API: tests must not wait for the clock). */
    public void fireRuleNow(String busName, String ruleName) {
        Bus bus = bus(busName(busName));
        Rule rule;
        synchronized (bus) {
            rule = bus.rules.get(ruleName);
        }
        if (rule == null) {
            throw AwsServiceException.notFound(
                    "ResourceNotFoundException", "Rule " + ruleName + " does not exist on EventBus " + bus.name + ".");
        }
        fireScheduledRule(rule);
    }

    private ObjectNode testEventPattern(JsonNode in) {
        String pattern = Json.required(in, "EventPattern");
        String event = Json.required(in, "Event");
        String reason = JsonRuleCompiler.check(pattern);
        if (reason != null) {
            throw AwsServiceException.badRequest(
                    "InvalidEventPatternException", "Event pattern is not valid. Reason: " + reason);
        }
        GenericMachine<String> m = new GenericMachine<>();
        try {
            m.addRule("test", pattern);
            return Json.object().put("Result", !m.rulesForJSONEvent(event).isEmpty());
        } catch (Exception e) {
            throw AwsServiceException.validation("Event is not valid JSON: " + e.getMessage());
        }
    }

    private void remember(JsonNode event) {
        synchronized (recent) {
            if (recent.size() == RECENT) {
                recent.removeFirst();
            }
            recent.addLast(event);
        }
    }

    /** The last events put on any bus, oldest first (the admin API). */
    public List<JsonNode> recentEvents() {
        synchronized (recent) {
            return new ArrayList<>(recent);
        }
    }
}
