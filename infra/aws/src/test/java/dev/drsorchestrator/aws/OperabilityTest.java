package dev.drsorchestrator.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drsorchestrator.contracts.routing.Service;
import dev.drsorchestrator.kit.metrics.CloudWatchNames;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.sqs.Queue;

/** Nothing is lost unseen: every queue has a dead-letter queue and an alarm; every log is kept for a while. */
@SuppressWarnings("unchecked")
class OperabilityTest {

    private final Synthesized deployment = Synthesized.deployment();
    private final CoreStack core = deployment.stacks.core();
    private final Template alarms = deployment.template(deployment.stacks.observability());

    @Test
    void everyQueueHasADeadLetterQueueOrIsOne() {
        Map<String, Map<String, Object>> queues = deployment.template(core).findResources("AWS::SQS::Queue");
        String all = queues.toString() + deployment.template(core).findResources("AWS::Events::Rule");
        for (Map.Entry<String, Map<String, Object>> queue : queues.entrySet()) {
            Map<String, Object> props = (Map<String, Object>) queue.getValue().get("Properties");
            boolean hasDeadLetters = props.containsKey("RedrivePolicy");
            boolean isDeadLetters = all.contains("deadLetterTargetArn={Fn::GetAtt=[" + queue.getKey() + ", Arn]}")
                    || all.contains("DeadLetterConfig={Arn={Fn::GetAtt=[" + queue.getKey() + ", Arn]}}");
            assertThat(hasDeadLetters || isDeadLetters)
                    .as(queue.getKey() + " has a dead-letter queue or is one")
                    .isTrue();
        }
    }

    @Test
    void everyQueueHasAnAlarmThatNotifiesTheOperationsTopic() {
        for (Service service : Service.values()) {
            assertAlarmOn(core.deadLetters(service), "ApproximateNumberOfMessagesVisible", 0);
            assertAlarmOn(core.inbox(service), "ApproximateAgeOfOldestMessage", 300);
        }
        alarms.allResourcesProperties(
                "AWS::CloudWatch::Alarm",
                Match.objectLike(Map.of(
                        "AlarmActions", List.of(Map.of("Fn::ImportValue", Match.stringLikeRegexp(".*Operations.*"))),
                        "AlarmDescription", Match.anyValue())));
    }

    @Test
    void theServicesOwnFiguresAreAlarmedAndOnTheDashboardUnderTheNamesTheyPublish() {
        // A wave timed out: one metric, with the dimension the service publishes it with.
        alarms.hasResourceProperties(
                "AWS::CloudWatch::Alarm",
                Match.objectLike(Map.of(
                        "Namespace", CloudWatchNames.NAMESPACE,
                        "MetricName", CloudWatchNames.WAVE_TIMEOUTS_COUNT,
                        "Dimensions", List.of(Map.of("Name", CloudWatchNames.SERVICE, "Value", "execution-service")))));
        // Relay failures of any service: one alarm over each service's metric.
        String relay = alarms.findResources(
                        "AWS::CloudWatch::Alarm",
                        Match.objectLike(Map.of(
                                "Properties", Map.of("AlarmName", Match.stringLikeRegexp(".*outbox-relay-failures")))))
                .toString();
        for (Service service : Service.values()) {
            assertThat(relay)
                    .contains("MetricName=" + CloudWatchNames.OUTBOX_PUBLISH_FAILURES_COUNT)
                    .contains("Name=service, Value=" + service.serviceName());
        }
        String dashboard = alarms.findResources("AWS::CloudWatch::Dashboard").toString();
        for (String shown : List.of(
                CloudWatchNames.OUTBOX_PUBLISHED_COUNT,
                "ExecutionFailed",
                "WaveCompleted",
                CloudWatchNames.INBOX_DELIVERY_LATENCY_MAX,
                CloudWatchNames.HOP_PUBLISH_AVG,
                CloudWatchNames.HOP_DELIVER_AVG,
                CloudWatchNames.HOP_HANDLE_AVG,
                CloudWatchNames.DRS_THROTTLED_COUNT,
                CloudWatchNames.DRS_LAUNCH_FAILURES_COUNT,
                "ApproximateAgeOfOldestMessage",
                "FailedInvocations")) {
            assertThat(dashboard).as("the dashboard shows " + shown).contains(shown);
        }
    }

    @Test
    void alarmsOfThisAccountMayPublishToTheEncryptedOperationsTopic() {
        String policy =
                deployment.template(core).findResources("AWS::SNS::TopicPolicy").toString();
        assertThat(policy)
                .contains("Sid=AlarmsOfThisAccount")
                .contains("Service=cloudwatch.amazonaws.com")
                .contains("aws:SourceAccount=" + Synthesized.ACCOUNT);
    }

    @Test
    void everyLogGroupHasARetention() {
        for (Stack stack : deployment.stacks.all()) {
            deployment
                    .template(stack)
                    .findResources("AWS::Logs::LogGroup")
                    .forEach((id, group) -> assertThat(
                                    ((Map<String, Object>) group.get("Properties")).get("RetentionInDays"))
                            .as(stack.getStackName() + " " + id + " keeps its logs for logRetentionDays")
                            .isEqualTo(90));
        }
        assertThat(deployment.template(deployment.stacks.services()).findResources("AWS::Logs::LogGroup"))
                .as("one per service, the console's, and the VPC's flow log")
                .hasSize(Service.values().length + 2);
    }

    private void assertAlarmOn(Queue queue, String metric, int threshold) {
        String export = core.getLogicalId((CfnElement) queue.getNode().getDefaultChild());
        alarms.hasResourceProperties(
                "AWS::CloudWatch::Alarm",
                Match.objectLike(Map.of(
                        "MetricName",
                        metric,
                        "Namespace",
                        "AWS/SQS",
                        "Threshold",
                        threshold,
                        "ComparisonOperator",
                        "GreaterThanThreshold",
                        "Dimensions",
                        List.of(Map.of(
                                "Name",
                                "QueueName",
                                "Value",
                                Map.of("Fn::ImportValue", Match.stringLikeRegexp(".*" + export + ".*")))))));
    }
}
