package dev.drsorchestrator.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drsorchestrator.devstack.http.Json;
import dev.drsorchestrator.devstack.testing.DevstackExtension;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.ConflictException;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindowMode;
import software.amazon.awssdk.services.scheduler.model.ResourceNotFoundException;
import software.amazon.awssdk.services.scheduler.model.ValidationException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

@ExtendWith(DevstackExtension.class)
class SchedulerTest {
    private static final String ROLE = "arn:aws:iam::000000000000:role/scheduler";

    private final Devstack devstack;
    private final Clients clients;
    private final SchedulerClient scheduler;
    private final SqsClient sqs;

    SchedulerTest(Devstack devstack) {
        this.devstack = devstack;
        this.clients = new Clients(devstack);
        this.scheduler = clients.scheduler();
        this.sqs = clients.sqs();
    }

    @BeforeEach
    void reset() {
        devstack.reset();
    }

    private List<Message> awaitMessages(String url, int count, Duration within) {
        List<Message> got = new ArrayList<>();
        await().atMost(within).until(() -> {
            got.addAll(sqs.receiveMessage(
                            b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(0))
                    .messages());
            return got.size() >= count;
        });
        return got;
    }

    private void create(String name, String expression, String zone, String targetArn, String input) {
        scheduler.createSchedule(b -> b.name(name)
                .scheduleExpression(expression)
                .scheduleExpressionTimezone(zone)
                .flexibleTimeWindow(w -> w.mode(FlexibleTimeWindowMode.OFF))
                .target(t -> t.arn(targetArn).roleArn(ROLE).input(input)));
    }

    @Test
    void aScheduleFiredNowDeliversItsInputWithTheContextAttributes() {
        String url = clients.queue(sqs, "drills");
        create(
                "weekly-drill",
                "cron(0 3 ? * SUN *)",
                "Europe/Berlin",
                clients.queueArn(sqs, url),
                "{\"planId\":\"plan-1\",\"at\":\"<aws.scheduler.scheduled-time>\",\"run\":\"<aws.scheduler.execution-id>\","
                        + "\"schedule\":\"<aws.scheduler.schedule-arn>\"}");
        assertThat(clients.admin("POST", "scheduler/schedules/default/weekly-drill/fire", null)
                        .statusCode())
                .isEqualTo(200);
        JsonNode body =
                Json.parse(awaitMessages(url, 1, Duration.ofSeconds(10)).get(0).body());
        assertThat(body.path("planId").asText()).isEqualTo("plan-1");
        assertThat(Instant.parse(body.path("at").asText()))
                .isCloseTo(Instant.now(), org.assertj.core.api.Assertions.within(1, ChronoUnit.MINUTES));
        assertThat(body.path("run").asText()).isNotBlank().doesNotContain("<");
        assertThat(body.path("schedule").asText())
                .isEqualTo("arn:aws:scheduler:us-east-1:000000000000:schedule/default/weekly-drill");
    }

    @Test
    void oneFiringDeliveredTwiceCarriesTheSameExecutionIdBothTimes() {
        String url = clients.queue(sqs, "twice");
        create(
                "twice",
                "rate(1 day)",
                "UTC",
                clients.queueArn(sqs, url),
                "{\"run\":\"<aws.scheduler.execution-id>\",\"at\":\"<aws.scheduler.scheduled-time>\"}");
        var answer = clients.admin("POST", "scheduler/schedules/default/twice/fire?deliveries=2", null);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("\"deliveries\":2");
        List<String> bodies = awaitMessages(url, 2, Duration.ofSeconds(10)).stream()
                .map(m -> m.body())
                .toList();
        assertThat(bodies).hasSize(2);
        assertThat(bodies.get(0)).isEqualTo(bodies.get(1)).contains("\"run\":\"");
        assertThat(devstack.scheduler().firings())
                .singleElement()
                .satisfies(f -> assertThat(f.path("deliveries").asInt()).isEqualTo(2));
        assertThat(clients.admin("POST", "scheduler/schedules/default/twice/fire?deliveries=0", null)
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void anAtScheduleFiresOnTimeInItsTimeZone() {
        String url = clients.queue(sqs, "once");
        ZoneId zone = ZoneId.of("America/New_York");
        LocalDateTime soon = LocalDateTime.now(zone).plusSeconds(2).truncatedTo(ChronoUnit.SECONDS);
        create(
                "once",
                "at(" + soon.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME) + ")",
                zone.getId(),
                clients.queueArn(sqs, url),
                "{\"once\":true}");
        assertThat(awaitMessages(url, 1, Duration.ofSeconds(15)).get(0).body()).isEqualTo("{\"once\":true}");
        assertThat(devstack.scheduler().firings()).hasSize(1);
    }

    @Test
    void anEventBusTargetPutsAnEventWithTheGivenSourceAndDetailType() {
        String url = clients.queue(sqs, "due");
        var events = clients.events();
        events.createEventBus(b -> b.name("drs-orchestrator"));
        events.putRule(b -> b.eventBusName("drs-orchestrator")
                .name("due")
                .eventPattern("{\"detail-type\":[\"DrillScheduleDue\"]}"));
        events.putTargets(b -> b.eventBusName("drs-orchestrator")
                .rule("due")
                .targets(
                        Target.builder().id("q").arn(clients.queueArn(sqs, url)).build()));
        scheduler.createSchedule(b -> b.name("plan-1-drill")
                .scheduleExpression("rate(7 days)")
                .flexibleTimeWindow(w -> w.mode(FlexibleTimeWindowMode.OFF))
                .target(t -> t.arn("arn:aws:events:us-east-1:000000000000:event-bus/drs-orchestrator")
                        .roleArn(ROLE)
                        .input("{\"planId\":\"plan-1\"}")
                        .eventBridgeParameters(
                                p -> p.source("drs-orchestrator.scheduler").detailType("DrillScheduleDue"))));
        devstack.scheduler().fireNow("default", "plan-1-drill");
        JsonNode event =
                Json.parse(awaitMessages(url, 1, Duration.ofSeconds(10)).get(0).body());
        assertThat(event.path("source").asText()).isEqualTo("drs-orchestrator.scheduler");
        assertThat(event.path("detail").path("planId").asText()).isEqualTo("plan-1");
        assertThat(event.path("resources").get(0).asText()).endsWith(":schedule/default/plan-1-drill");
    }

    @Test
    void schedulesAreReadListedUpdatedAndDeleted() {
        for (int i = 0; i < 3; i++) {
            create("s" + i, "rate(1 hour)", "UTC", "arn:aws:sqs:us-east-1:000000000000:q", "{}");
        }
        var got = scheduler.getSchedule(b -> b.name("s1"));
        assertThat(got.arn()).isEqualTo("arn:aws:scheduler:us-east-1:000000000000:schedule/default/s1");
        assertThat(got.scheduleExpression()).isEqualTo("rate(1 hour)");
        assertThat(got.target().roleArn()).isEqualTo(ROLE);
        assertThat(got.creationDate()).isNotNull();
        var page = scheduler.listSchedules(b -> b.maxResults(2));
        assertThat(page.schedules()).extracting(s -> s.name()).containsExactly("s0", "s1");
        assertThat(scheduler.listSchedules(b -> b.nextToken(page.nextToken())).schedules())
                .extracting(s -> s.name())
                .containsExactly("s2");
        scheduler.updateSchedule(b -> b.name("s1")
                .scheduleExpression("cron(30 1 * * ? *)")
                .state("DISABLED")
                .flexibleTimeWindow(w -> w.mode(FlexibleTimeWindowMode.OFF))
                .target(t -> t.arn("arn:aws:sqs:us-east-1:000000000000:q").roleArn(ROLE)));
        assertThat(scheduler.getSchedule(b -> b.name("s1")).stateAsString()).isEqualTo("DISABLED");
        scheduler.deleteSchedule(b -> b.name("s1"));
        assertThatThrownBy(() -> scheduler.getSchedule(b -> b.name("s1")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void badSchedulesAreRefused() {
        assertThatThrownBy(
                        () -> create("bad", "cron(0 3 * * MON *)", "UTC", "arn:aws:sqs:us-east-1:000000000000:q", "{}"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("must be '?'");
        assertThatThrownBy(() -> create("bad", "every day", "UTC", "arn:aws:sqs:us-east-1:000000000000:q", "{}"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("Invalid Schedule Expression");
        assertThatThrownBy(() ->
                        create("bad", "rate(5 minutes)", "Mars/Olympus", "arn:aws:sqs:us-east-1:000000000000:q", "{}"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("ScheduleExpressionTimezone");
        create("dup", "rate(5 minutes)", "UTC", "arn:aws:sqs:us-east-1:000000000000:q", "{}");
        assertThatThrownBy(() -> create("dup", "rate(5 minutes)", "UTC", "arn:aws:sqs:us-east-1:000000000000:q", "{}"))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> scheduler.createSchedule(b -> b.name("g")
                        .groupName("nope")
                        .scheduleExpression("rate(5 minutes)")
                        .flexibleTimeWindow(w -> w.mode(FlexibleTimeWindowMode.OFF))
                        .target(t ->
                                t.arn("arn:aws:sqs:us-east-1:000000000000:q").roleArn(ROLE))))
                .isInstanceOf(ResourceNotFoundException.class);
    }
}
