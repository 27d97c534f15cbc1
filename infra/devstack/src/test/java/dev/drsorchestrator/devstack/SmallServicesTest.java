package dev.drsorchestrator.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.drsorchestrator.contracts.aws.AwsEventParser;
import dev.drsorchestrator.contracts.aws.CloudWatchAlarmStateChange;
import dev.drsorchestrator.devstack.http.Json;
import dev.drsorchestrator.devstack.testing.DevstackExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.CommandInvocationStatus;
import software.amazon.awssdk.services.ssm.model.InvocationDoesNotExistException;
import software.amazon.awssdk.services.sts.model.StsException;

/** STS, SSM, Lambda and CloudWatch alarm events. */
@ExtendWith(DevstackExtension.class)
class SmallServicesTest {
    private final Devstack devstack;
    private final Clients clients;

    SmallServicesTest(Devstack devstack) {
        this.devstack = devstack;
        this.clients = new Clients(devstack);
    }

    @BeforeEach
    void reset() {
        devstack.reset();
    }

    @Test
    void stsAssumesRolesInOtherAccounts() {
        var sts = clients.sts();
        assertThat(sts.getCallerIdentity().account()).isEqualTo("000000000000");
        var assumed = sts.assumeRole(
                b -> b.roleArn("arn:aws:iam::111122223333:role/drs-recovery").roleSessionName("exec-1"));
        assertThat(assumed.assumedRoleUser().arn())
                .isEqualTo("arn:aws:sts::111122223333:assumed-role/drs-recovery/exec-1");
        assertThat(assumed.credentials().accessKeyId()).startsWith("ASIA");
        assertThatThrownBy(() -> sts.assumeRole(b -> b.roleArn("not-a-role").roleSessionName("x1")))
                .isInstanceOf(StsException.class)
                .hasMessageContaining("roleArn");
    }

    @Test
    void ssmCommandsRunToTheirConfiguredOutcome() {
        SsmClient ssm = clients.ssm();
        var put = clients.admin(
                "PUT",
                "ssm/outcomes/AWS-RunShellScript/i-0123456789abcdef0",
                "{\"status\":\"Failed\",\"output\":\"\",\"error\":\"smoke test failed\",\"responseCode\":1,\"durationMillis\":150}");
        assertThat(put.statusCode()).isEqualTo(200);
        var command = ssm.sendCommand(b -> b.documentName("AWS-RunShellScript")
                        .instanceIds("i-0123456789abcdef0", "i-0fedcba9876543210")
                        .parameters(Map.of("commands", List.of("curl -f http://localhost/health"))))
                .command();
        assertThat(command.commandId()).isNotBlank();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> ssm.getCommandInvocation(
                                        b -> b.commandId(command.commandId()).instanceId("i-0123456789abcdef0"))
                                .status()
                        == CommandInvocationStatus.FAILED);
        var failed =
                ssm.getCommandInvocation(b -> b.commandId(command.commandId()).instanceId("i-0123456789abcdef0"));
        assertThat(failed.standardErrorContent()).isEqualTo("smoke test failed");
        assertThat(failed.responseCode()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> ssm.getCommandInvocation(
                                        b -> b.commandId(command.commandId()).instanceId("i-0fedcba9876543210"))
                                .status()
                        == CommandInvocationStatus.SUCCESS);
        assertThatThrownBy(() -> ssm.getCommandInvocation(
                        b -> b.commandId(command.commandId()).instanceId("i-00000000000000000")))
                .isInstanceOf(InvocationDoesNotExistException.class);
        assertThat(devstack.ssm().commands())
                .singleElement()
                .satisfies(c -> assertThat(
                                c.path("Parameters").path("commands").get(0).asText())
                        .isEqualTo("curl -f http://localhost/health"));
    }

    @Test
    void lambdaReturnsTheFakeResultOrItsError() {
        var lambda = clients.lambda();
        clients.admin("PUT", "lambda/functions/check-app", "{\"result\":{\"healthy\":true}}");
        clients.admin("PUT", "lambda/functions/broken", "{\"errorType\":\"RuntimeError\",\"errorMessage\":\"boom\"}");
        var ok = lambda.invoke(b -> b.functionName("check-app").payload(SdkBytes.fromUtf8String("{\"wave\":1}")));
        assertThat(Json.parse(ok.payload().asString(StandardCharsets.UTF_8))
                        .path("healthy")
                        .asBoolean())
                .isTrue();
        assertThat(ok.functionError()).isNull();
        var err = lambda.invoke(b -> b.functionName("arn:aws:lambda:us-east-1:000000000000:function:broken"));
        assertThat(err.functionError()).isEqualTo("Unhandled");
        assertThat(err.payload().asUtf8String()).contains("boom");
        assertThatThrownBy(() -> lambda.invoke(b -> b.functionName("missing")))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("Function not found");
        assertThat(devstack.lambda().invocations())
                .extracting(i -> i.path("function").asText())
                .containsExactly("check-app", "broken");
    }

    @Test
    void settingAnAlarmStateSendsTheAlarmEventOncePerChange() {
        var sqs = clients.sqs();
        var events = clients.events();
        String url = clients.queue(sqs, "alarms");
        events.putRule(b -> b.name("alarms")
                .eventPattern("{\"source\":[\"aws.cloudwatch\"],\"detail\":{\"state\":{\"value\":[\"ALARM\"]}}}"));
        events.putTargets(b -> b.rule("alarms")
                .targets(
                        Target.builder().id("q").arn(clients.queueArn(sqs, url)).build()));
        var first = clients.admin(
                "PUT", "cloudwatch/alarms/app-down/state", "{\"state\":\"ALARM\",\"reason\":\"5xx > 50%\"}");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(Json.parse(first.body()).path("changed").asBoolean()).isTrue();
        var again = clients.admin("PUT", "cloudwatch/alarms/app-down/state", "{\"state\":\"ALARM\"}");
        assertThat(Json.parse(again.body()).path("changed").asBoolean()).isFalse();
        var bad = clients.admin("PUT", "cloudwatch/alarms/app-down/state", "{\"state\":\"RED\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(Json.parse(bad.body()).path("error").asText())
                .contains("state")
                .contains("OK, ALARM or INSUFFICIENT_DATA");

        String[] body = new String[1];
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            var m = sqs.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(0)).messages();
            body[0] = m.isEmpty() ? null : m.get(0).body();
            return body[0] != null;
        });
        CloudWatchAlarmStateChange e = (CloudWatchAlarmStateChange) AwsEventParser.parse(body[0]);
        assertThat(e.alarmName()).isEqualTo("app-down");
        assertThat(e.state()).isEqualTo("ALARM");
        assertThat(e.previousState()).isEqualTo("INSUFFICIENT_DATA");
        assertThat(e.reason()).isEqualTo("5xx > 50%");
        assertThat(e.alarmArn()).isEqualTo("arn:aws:cloudwatch:us-east-1:000000000000:alarm:app-down");
    }
}
