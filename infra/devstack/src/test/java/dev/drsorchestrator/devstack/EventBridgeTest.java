package dev.drsorchestrator.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drsorchestrator.devstack.http.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.eventbridge.model.InvalidEventPatternException;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException;
import software.amazon.awssdk.services.eventbridge.model.RuleState;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * EventBridge against each messaging target (devstack; LocalStack too under {@code -Plocalstack}). Every bus, rule,
 * queue and event source is named for its case, so the cases need no reset and run on a shared target.
 */
@ParameterizedClass(name = "[{0}]")
@MethodSource("dev.drsorchestrator.devstack.conformance.Targets#messaging")
class EventBridgeTest extends AcrossTargets {
    private EventBridgeClient events;
    private SqsClient sqs;

    @BeforeEach
    void eventsAndSqs() {
        events = clients.events();
        sqs = clients.sqs();
    }

    /** A queue with a rule that sends it what the pattern matches; returns the queue URL. */
    private String routed(String bus, String name, String pattern) {
        String url = clients.queue(sqs, name);
        events.putRule(b -> b.eventBusName(bus).name("to-" + name).eventPattern(pattern));
        events.putTargets(b -> b.eventBusName(bus)
                .rule("to-" + name)
                .targets(
                        Target.builder().id("q").arn(clients.queueArn(sqs, url)).build()));
        return url;
    }

    private PutEventsRequestEntry entry(String bus, String source, String detailType, String detail) {
        return PutEventsRequestEntry.builder()
                .eventBusName(bus)
                .source(source)
                .detailType(detailType)
                .detail(detail)
                .build();
    }

    private List<Message> drain(String url) {
        List<Message> all = new ArrayList<>();
        List<Message> batch;
        do {
            batch = sqs.receiveMessage(
                            b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(0))
                    .messages();
            all.addAll(batch);
            batch.forEach(m -> sqs.deleteMessage(d -> d.queueUrl(url).receiptHandle(m.receiptHandle())));
        } while (!batch.isEmpty());
        return all;
    }

    private List<Message> awaitMessages(String url, int count) {
        List<Message> got = new ArrayList<>();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            got.addAll(drain(url));
            return got.size() >= count;
        });
        return got;
    }

    @Test
    void busesAreCreatedOnceAndDescribed() {
        String bus = name("drs-orchestrator");
        String nope = name("nope");
        String arn = events.createEventBus(b -> b.name(bus)).eventBusArn();
        assertThat(arn).isEqualTo(arn("events", "event-bus/" + bus));
        assertThat(events.describeEventBus(b -> b.name(bus)).arn()).isEqualTo(arn);
        assertThat(events.describeEventBus(b -> {}).name()).isEqualTo("default");
        assertThatThrownBy(() -> events.createEventBus(b -> b.name(bus)))
                .isInstanceOf(ResourceAlreadyExistsException.class);
        assertThatThrownBy(() -> events.describeEventBus(b -> b.name(nope)))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("Event bus " + nope + " does not exist");
    }

    @Test
    void anEventReachesExactlyTheQueuesWhoseRulesMatch() {
        String bus = name("bus");
        events.createEventBus(b -> b.name(bus));
        String prefix = routed(bus, name("prefix"), "{\"source\":[{\"prefix\":\"drs-orchestrator.\"}]}");
        String anythingBut =
                routed(bus, name("anything-but"), "{\"detail\":{\"status\":[{\"anything-but\":[\"COMPLETED\"]}]}}");
        String numeric = routed(bus, name("numeric"), "{\"detail\":{\"servers\":[{\"numeric\":[\">\",100]}]}}");
        String exists = routed(bus, name("exists"), "{\"detail\":{\"approval\":[{\"exists\":true}]}}");
        String or = routed(
                bus,
                name("or"),
                "{\"$or\":[{\"detail-type\":[\"WaveFailed\"]},{\"detail\":{\"servers\":[{\"numeric\":[\"=\",7]}]}}]}");

        PutEventsResponse r = events.putEvents(b -> b.entries(
                entry(bus, "drs-orchestrator.execution", "WaveStarted", "{\"status\":\"STARTED\",\"servers\":150}"),
                entry(bus, "other.app", "WaveFailed", "{\"status\":\"COMPLETED\",\"servers\":7,\"approval\":\"x\"}"),
                entry(bus, "other.app", "Nothing", "{\"status\":\"COMPLETED\",\"servers\":3}")));
        assertThat(r.failedEntryCount()).isZero();
        assertThat(r.entries()).allSatisfy(e -> assertThat(e.eventId()).isNotBlank());

        assertThat(detailTypes(awaitMessages(prefix, 1))).containsExactly("WaveStarted");
        assertThat(detailTypes(awaitMessages(anythingBut, 1))).containsExactly("WaveStarted");
        assertThat(detailTypes(awaitMessages(numeric, 1))).containsExactly("WaveStarted");
        assertThat(detailTypes(awaitMessages(exists, 1))).containsExactly("WaveFailed");
        assertThat(detailTypes(awaitMessages(or, 1))).containsExactly("WaveFailed");
        // delivery happens before PutEvents answers: nothing else can still be on its way
        for (String url : List.of(prefix, anythingBut, numeric, exists, or)) {
            assertThat(drain(url)).isEmpty();
        }
    }

    private static List<String> detailTypes(List<Message> messages) {
        return messages.stream()
                .map(m -> Json.parse(m.body()).path("detail-type").asText())
                .toList();
    }

    @Test
    void theDeliveredEventHasTheEnvelopeAwsWrites() {
        String source = name("drs-orchestrator.plan");
        String url = routed("default", name("envelope"), "{\"source\":[\"" + source + "\"]}");
        events.putEvents(b -> b.entries(PutEventsRequestEntry.builder()
                .source(source)
                .detailType("ExecutionRequested")
                .resources("arn:aws:drs:us-east-1:000000000000:job/drsjob-1")
                .detail("{\"a\":1}")
                .build()));
        JsonNode e = Json.parse(awaitMessages(url, 1).get(0).body());
        assertThat(e.path("version").asText()).isEqualTo("0");
        assertThat(e.path("account").asText()).isEqualTo(account());
        assertThat(e.path("region").asText()).isEqualTo(region());
        assertThat(e.path("time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(e.path("resources").get(0).asText()).isEqualTo("arn:aws:drs:us-east-1:000000000000:job/drsjob-1");
        assertThat(e.path("detail").path("a").asInt()).isEqualTo(1);
    }

    @Test
    void targetsShapeTheirInput() {
        String constant = clients.queue(sqs, name("constant"));
        String path = clients.queue(sqs, name("path"));
        String transformed = clients.queue(sqs, name("transformed"));
        String rule = name("shape");
        String app = name("app");
        events.putRule(b -> b.name(rule).eventPattern("{\"source\":[\"" + app + "\"]}"));
        events.putTargets(b -> b.rule(rule)
                .targets(
                        Target.builder()
                                .id("constant")
                                .arn(clients.queueArn(sqs, constant))
                                .input("{\"fixed\":true}")
                                .build(),
                        Target.builder()
                                .id("path")
                                .arn(clients.queueArn(sqs, path))
                                .inputPath("$.detail.server")
                                .build(),
                        Target.builder()
                                .id("transformed")
                                .arn(clients.queueArn(sqs, transformed))
                                .inputTransformer(
                                        t -> t.inputPathsMap(Map.of(
                                                        "id",
                                                        "$.detail.server.id",
                                                        "type",
                                                        "$.detail-type",
                                                        "n",
                                                        "$.detail.n"))
                                                .inputTemplate(
                                                        "{\"text\":\"<type> for <id>\",\"n\":<n>,\"rule\":\"<aws.events.rule-name>\"}"))
                                .build()));
        events.putEvents(b -> b.entries(entry("default", app, "Launched", "{\"server\":{\"id\":\"s-1\"},\"n\":3}")));
        assertThat(awaitMessages(constant, 1).get(0).body()).isEqualTo("{\"fixed\":true}");
        assertThat(Json.parse(awaitMessages(path, 1).get(0).body()).path("id").asText())
                .isEqualTo("s-1");
        assertThat(Json.parse(awaitMessages(transformed, 1).get(0).body()))
                .isEqualTo(Json.parse("{\"text\":\"Launched for s-1\",\"n\":3,\"rule\":\"" + rule + "\"}"));
    }

    @Test
    void aDisabledRuleDeliversNothingUntilEnabled() {
        String app = name("app");
        String queue = name("toggled");
        String url = routed("default", queue, "{\"source\":[\"" + app + "\"]}");
        events.disableRule(b -> b.name("to-" + queue));
        assertThat(events.describeRule(b -> b.name("to-" + queue)).state()).isEqualTo(RuleState.DISABLED);
        events.putEvents(b -> b.entries(entry("default", app, "One", "{}")));
        assertThat(drain(url)).isEmpty();
        events.enableRule(b -> b.name("to-" + queue));
        events.putEvents(b -> b.entries(entry("default", app, "Two", "{}")));
        assertThat(detailTypes(awaitMessages(url, 1))).containsExactly("Two");
    }

    @Test
    void rulesAreDescribedListedPagedAndDeleted() {
        String rules = name("rule") + "-";
        for (int i = 0; i < 5; i++) {
            int n = i;
            events.putRule(b -> b.name(rules + n).eventPattern("{\"source\":[\"s" + n + "\"]}"));
        }
        var first = events.listRules(b -> b.namePrefix(rules).limit(2));
        assertThat(first.rules()).extracting(r -> r.name()).containsExactly(rules + 0, rules + 1);
        var second = events.listRules(b -> b.namePrefix(rules).limit(2).nextToken(first.nextToken()));
        assertThat(second.rules()).extracting(r -> r.name()).containsExactly(rules + 2, rules + 3);
        var third = events.listRules(b -> b.namePrefix(rules).limit(2).nextToken(second.nextToken()));
        assertThat(third.rules()).extracting(r -> r.name()).containsExactly(rules + 4);
        assertThat(third.nextToken()).isNull();

        String three = rules + 3;
        var rule = events.describeRule(b -> b.name(three));
        assertThat(rule.arn()).isEqualTo(arn("events", "rule/" + three));
        assertThat(rule.eventPattern()).isEqualTo("{\"source\":[\"s3\"]}");

        events.putTargets(b -> b.rule(three)
                .targets(Target.builder().id("t").arn(arn("sqs", name("q"))).build()));
        assertThat(events.listTargetsByRule(b -> b.rule(three)).targets())
                .extracting(Target::id)
                .containsExactly("t");
        assertThatThrownBy(() -> events.deleteRule(b -> b.name(three)))
                .isInstanceOf(EventBridgeException.class)
                .hasMessageContaining("Rule can't be deleted since it has targets");
        events.removeTargets(b -> b.rule(three).ids("t"));
        events.deleteRule(b -> b.name(three));
        assertThatThrownBy(() -> events.describeRule(b -> b.name(three)))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("Rule " + three + " does not exist on EventBus default");
    }

    @Test
    void badRulesAndTargetsAreRefused() {
        String bad = name("bad");
        String ok = name("ok");
        String queueArn = arn("sqs", name("q"));
        assertThatThrownBy(() -> events.putRule(b -> b.name(bad).eventPattern("{\"source\":\"not-an-array\"}")))
                .isInstanceOf(InvalidEventPatternException.class)
                .hasMessageContaining("Event pattern is not valid");
        assertThatThrownBy(() -> events.putRule(b -> b.name(bad).scheduleExpression("rate(1 minutes)")))
                .isInstanceOf(EventBridgeException.class)
                .hasMessageContaining("singular");
        assertThatThrownBy(() -> events.putRule(
                        b -> b.name(bad).eventBusName(name("nope")).eventPattern("{}")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> events.putTargets(b -> b.rule(name("missing"))
                        .targets(Target.builder().id("t").arn(queueArn).build())))
                .isInstanceOf(ResourceNotFoundException.class);
        events.putRule(b -> b.name(ok).eventPattern("{\"source\":[\"x\"]}"));
        var r = events.putTargets(b -> b.rule(ok)
                .targets(Target.builder()
                        .id("t")
                        .arn(queueArn)
                        .input("{}")
                        .inputPath("$.detail")
                        .build()));
        assertThat(r.failedEntryCount()).isEqualTo(1);
        assertThat(r.failedEntries().get(0).errorMessage())
                .contains("Only one of Input, InputPath, or InputTransformer");
        assertThat(events.listTargetsByRule(b -> b.rule(ok)).targets()).isEmpty();
    }

    @Test
    void putEventsValidatesAsAwsDoes() {
        String app = name("app");
        String nope = name("nope");
        var r = events.putEvents(b -> b.entries(
                entry("default", app, "Ok", "{}"),
                entry("default", app, "NoDetail", null),
                entry("default", app, "NotJson", "[1,2]"),
                entry(nope, app, "NoBus", "{}")));
        assertThat(r.failedEntryCount()).isEqualTo(3);
        assertThat(r.entries().get(0).eventId()).isNotBlank();
        assertThat(r.entries().get(1).errorCode()).isEqualTo("InvalidArgument");
        assertThat(r.entries().get(1).errorMessage()).contains("Detail is a required argument");
        assertThat(r.entries().get(2).errorCode()).isEqualTo("MalformedDetail");
        assertThat(r.entries().get(3).errorMessage()).contains("Event bus " + nope + " does not exist");

        List<PutEventsRequestEntry> eleven = IntStream.range(0, 11)
                .mapToObj(i -> entry("default", app, "E", "{}"))
                .toList();
        assertThatThrownBy(() -> events.putEvents(b -> b.entries(eleven)))
                .isInstanceOf(EventBridgeException.class)
                .hasMessageContaining("less than or equal to 10");
        String big = "{\"x\":\"" + "a".repeat(256 * 1024) + "\"}";
        assertThatThrownBy(() -> events.putEvents(b -> b.entries(entry("default", app, "Big", big))))
                .isInstanceOf(EventBridgeException.class)
                .hasMessageContaining("over the limit");
    }

    @Test
    void aScheduleRuleFiresIntoItsTargetWhenAskedThroughTheAdminApi() {
        devstackOnly("fires a schedule rule at once through devstack's admin API (/_devstack/events/rules/…/fire);"
                + " elsewhere a schedule rule fires only on its schedule");
        String url = clients.queue(sqs, name("scheduled"));
        String rule = name("nightly");
        events.putRule(b -> b.name(rule).scheduleExpression("cron(0 2 * * ? *)"));
        events.putTargets(b -> b.rule(rule)
                .targets(
                        Target.builder().id("q").arn(clients.queueArn(sqs, url)).build()));
        assertThat(clients.admin("POST", "events/rules/default/" + rule + "/fire", null)
                        .statusCode())
                .isEqualTo(200);
        JsonNode e = Json.parse(awaitMessages(url, 1).get(0).body());
        assertThat(e.path("detail-type").asText()).isEqualTo("Scheduled Event");
        assertThat(e.path("source").asText()).isEqualTo("aws.events");
        assertThat(e.path("resources").get(0).asText()).endsWith(":rule/" + rule);
    }

    @Test
    void aDeliveryToAMissingQueueIsRecordedAsFailed() {
        Devstack devstack = devstackOnly("reads devstack's own delivery log (Devstack#deliveries, also"
                + " /_devstack/deliveries/failed); AWS only counts failed invocations in CloudWatch");
        devstack.deliveries().clear();
        String app = name("app");
        String rule = name("lost");
        String missing = name("missing");
        events.putRule(b -> b.name(rule).eventPattern("{\"source\":[\"" + app + "\"]}"));
        events.putTargets(b -> b.rule(rule)
                .targets(Target.builder().id("q").arn(arn("sqs", missing)).build()));
        events.putEvents(b -> b.entries(entry("default", app, "Lost", "{}")));
        assertThat(devstack.deliveries().failures()).singleElement().satisfies(f -> {
            assertThat(f.targetArn()).endsWith(":" + missing);
            assertThat(f.reason()).contains("QueueDoesNotExist");
        });
    }
}
