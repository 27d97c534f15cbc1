package dev.drsorchestrator.drsadapter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.contracts.EventCodec;
import dev.drsorchestrator.contracts.events.drs.WaveActionCompleted;
import dev.drsorchestrator.contracts.events.execution.WaveActionRequested;
import dev.drsorchestrator.contracts.ids.AccountId;
import dev.drsorchestrator.contracts.ids.ActionId;
import dev.drsorchestrator.contracts.ids.Ec2InstanceId;
import dev.drsorchestrator.contracts.ids.ExecutionId;
import dev.drsorchestrator.contracts.ids.PlanId;
import dev.drsorchestrator.contracts.ids.RecoveryInstanceId;
import dev.drsorchestrator.contracts.ids.SourceServerId;
import dev.drsorchestrator.contracts.ids.WaveId;
import dev.drsorchestrator.contracts.model.ActionOutcome;
import dev.drsorchestrator.contracts.model.ActionPhase;
import dev.drsorchestrator.contracts.model.ExecutionType;
import dev.drsorchestrator.contracts.model.HttpCheckAction;
import dev.drsorchestrator.contracts.model.LambdaAction;
import dev.drsorchestrator.contracts.model.RecoveredServer;
import dev.drsorchestrator.contracts.model.SsmDocumentAction;
import dev.drsorchestrator.contracts.model.WaveAction;
import dev.drsorchestrator.devstack.misc.LambdaService;
import dev.drsorchestrator.devstack.misc.SsmService;
import dev.drsorchestrator.kit.testing.KitTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KitTestResource.class)
class ActionsTest extends DevstackTest {

    @TestHTTPResource("/q/health/live")
    URL live;

    @TestHTTPResource("/no-such-page")
    URL missing;

    private final ExecutionId execution = ExecutionId.random();

    @Test
    void anSsmDocumentRunsOnTheRecoveredInstancesAndReportsTheirOutput() {
        String document = "Smoke-" + UUID.randomUUID().toString().substring(0, 8);
        devstack.ssm().outcome(document, null, new SsmService.Outcome("Success", "nginx is up\n", "", 0, 300));
        WaveActionCompleted done = run(new SsmDocumentAction(
                ActionId.of("smoke"),
                "smoke test",
                false,
                30,
                document,
                Map.of("commands", List.of("curl -f localhost"))));
        assertThat(done.outcome()).isEqualTo(ActionOutcome.SUCCEEDED);
        assertThat(done.outputExcerpt()).contains("i-0000000000000001: Success").contains("nginx is up");
        assertThat(devstack.ssm().commands())
                .filteredOn(c -> c.path("DocumentName").asText().equals(document))
                .singleElement()
                .satisfies(c -> assertThat(c.path("InstanceIds").toString())
                        .contains("i-0000000000000001")
                        .contains("i-0000000000000002"));
    }

    @Test
    void anSsmDocumentThatFailsOnOneInstanceFailsTheActionWithItsError() {
        String document = "Check-" + UUID.randomUUID().toString().substring(0, 8);
        devstack.ssm().outcome(document, null, new SsmService.Outcome("Success", "ok", "", 0, 100));
        devstack.ssm()
                .outcome(document, "i-0000000000000002", new SsmService.Outcome("Failed", "", "disk full", 1, 100));
        WaveActionCompleted done =
                run(new SsmDocumentAction(ActionId.of("check"), null, false, 30, document, Map.of()));
        assertThat(done.outcome()).isEqualTo(ActionOutcome.FAILED);
        assertThat(done.error())
                .contains("failed on 1 of 2")
                .contains("i-0000000000000002 Failed")
                .contains("disk full");
    }

    @Test
    void aLambdaIsInvokedWithItsPayloadAndTheExecutionContext() {
        String name = "dns-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode result = EventCodec.mapper().createObjectNode().put("switched", true);
        devstack.lambda().register(name, new LambdaService.FakeFunction(result, null, null));
        JsonNode payload = EventCodec.mapper().createObjectNode().put("zone", "example.com");
        WaveActionCompleted done = run(new LambdaAction(
                ActionId.of("dns"),
                null,
                false,
                30,
                "arn:aws:lambda:" + devstack.region() + ":" + devstack.account() + ":function:" + name,
                payload));
        assertThat(done.outcome()).isEqualTo(ActionOutcome.SUCCEEDED);
        assertThat(done.outputExcerpt()).contains("\"switched\":true");
        JsonNode sent = devstack.lambda().invocations().stream()
                .filter(i -> i.path("function").asText().equals(name))
                .findFirst()
                .orElseThrow()
                .path("payload");
        assertThat(sent.path("zone").asText()).isEqualTo("example.com");
        assertThat(sent.path("drsOrchestrator").path("executionId").asText()).isEqualTo(execution.value());
        assertThat(sent.path("drsOrchestrator").path("recoveredServers")).hasSize(2);
    }

    @Test
    void aFailingLambdaFailsTheAction() {
        String name = "broken-" + UUID.randomUUID().toString().substring(0, 8);
        devstack.lambda().register(name, new LambdaService.FakeFunction(null, "RuntimeError", "route53 said no"));
        WaveActionCompleted done = run(new LambdaAction(
                ActionId.of("broken"),
                null,
                true,
                30,
                "arn:aws:lambda:" + devstack.region() + ":" + devstack.account() + ":function:" + name,
                null));
        assertThat(done.outcome()).isEqualTo(ActionOutcome.FAILED);
        assertThat(done.error()).contains("route53 said no");
    }

    @Test
    void anHttpCheckSucceedsOnTheExpectedStatusAndTimesOutOtherwise() {
        WaveActionCompleted up = run(new HttpCheckAction(ActionId.of("up"), null, false, 10, live.toString(), 200, 1));
        assertThat(up.outcome()).isEqualTo(ActionOutcome.SUCCEEDED);
        assertThat(up.outputExcerpt()).contains("answered 200");

        WaveActionCompleted down =
                run(new HttpCheckAction(ActionId.of("down"), null, false, 2, missing.toString(), 200, 1));
        assertThat(down.outcome()).isEqualTo(ActionOutcome.TIMED_OUT);
        assertThat(down.error()).contains("answered 404, expected 200");
    }

    private WaveActionCompleted run(WaveAction action) {
        WaveActionRequested request = new WaveActionRequested(
                execution,
                PlanId.of("plan-" + UUID.randomUUID()),
                WaveId.of("app"),
                ActionPhase.POST,
                1,
                ExecutionType.DRILL,
                action,
                List.of(server("i-0000000000000001"), server("i-0000000000000002")));
        var meta = bus.put(request, execution.value());
        bus.put(request, meta);
        WaveActionCompleted done = bus.awaitEvent(
                WaveActionCompleted.class,
                e -> e.executionId().equals(execution) && e.actionId().equals(action.actionId()));
        assertThat(done.phase()).isEqualTo(ActionPhase.POST);
        assertThat(done.durationMillis()).isGreaterThanOrEqualTo(0);
        assertThat(bus.all(
                        WaveActionCompleted.class,
                        e -> e.executionId().equals(execution) && e.actionId().equals(action.actionId())))
                .hasSize(1);
        return done;
    }

    private RecoveredServer server(String instance) {
        return new RecoveredServer(
                SourceServerId.of(
                        "s-" + UUID.randomUUID().toString().replace("-", "").substring(0, 17)),
                AccountId.of(devstack.account()),
                devstack.region(),
                RecoveryInstanceId.of(instance),
                Ec2InstanceId.of(instance));
    }
}
