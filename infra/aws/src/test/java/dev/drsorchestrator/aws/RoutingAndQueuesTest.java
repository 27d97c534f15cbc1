package dev.drsorchestrator.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drsorchestrator.contracts.routing.RoutingTable;
import dev.drsorchestrator.contracts.routing.RuleDefinition;
import dev.drsorchestrator.contracts.routing.Service;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.sqs.Queue;

/** Every rule of the routing table, and every inbox and dead-letter queue, exactly as the code defines them. */
class RoutingAndQueuesTest {

    private final Synthesized deployment = Synthesized.deployment();
    private final CoreStack core = deployment.stacks.core();
    private final Template template = deployment.template(core);

    @Test
    void everyRuleOfTheRoutingTableIsDeployedWithItsPatternAndTarget() throws Exception {
        List<RuleDefinition> expected = deployment.settings.deployment().rules();
        assertThat(expected)
                .as("the routing table's rules, plus the member accounts' forwarded DRS events")
                .hasSize(RoutingTable.rules().size()
                        + RoutingTable.forwardedRules("b", "p").size());
        template.resourceCountIs("AWS::Events::Rule", expected.size());

        ObjectMapper json = new ObjectMapper();
        for (RuleDefinition rule : expected) {
            Object bus = rule.eventBusName().equals(RoutingTable.AWS_DEFAULT_BUS_NAME)
                    ? "default"
                    : Map.of("Ref", logicalId(core.bus().getNode().getDefaultChild()));
            Service consumer = Deployment.consumerOf(rule);
            template.hasResourceProperties(
                    "AWS::Events::Rule",
                    Match.objectEquals(Map.of(
                            "Name", rule.name(),
                            "Description", rule.description(),
                            "EventBusName", bus,
                            "State", "ENABLED",
                            "Tags", Match.anyValue(),
                            "EventPattern", json.readValue(rule.eventPattern(), Map.class),
                            "Targets",
                                    List.of(Match.objectLike(Map.of(
                                            "Arn", arnOf(core.inbox(consumer)),
                                            "DeadLetterConfig", Map.of("Arn", arnOf(core.deadLetters(consumer))),
                                            "RetryPolicy",
                                                    Map.of(
                                                            "MaximumEventAgeInSeconds", 86400,
                                                            "MaximumRetryAttempts", 185)))))));
        }
    }

    @Test
    void eachServiceHasItsInboxWithADeadLetterQueueAfterFiveReceives() {
        for (Service service : Service.values()) {
            template.hasResourceProperties(
                    "AWS::SQS::Queue",
                    Match.objectLike(Map.of(
                            "QueueName",
                            "drs-orchestrator-" + service.inboxQueue(),
                            "VisibilityTimeout",
                            60,
                            "KmsMasterKeyId",
                            Match.anyValue(),
                            "RedrivePolicy",
                            Map.of(
                                    "deadLetterTargetArn",
                                    arnOf(core.deadLetters(service)),
                                    "maxReceiveCount",
                                    Service.MAX_RECEIVE_COUNT))));
            template.hasResourceProperties(
                    "AWS::SQS::Queue",
                    Match.objectLike(Map.of(
                            "QueueName",
                            "drs-orchestrator-" + service.deadLetterQueue(),
                            "MessageRetentionPeriod",
                            14 * 24 * 3600,
                            "KmsMasterKeyId",
                            Match.anyValue())));
        }
        // Five inboxes and their dead-letter queues, which also keep what EventBridge could not deliver.
        template.resourceCountIs("AWS::SQS::Queue", 2 * Service.values().length);
    }

    @Test
    @SuppressWarnings("unchecked")
    void eventBridgeMayWriteToEachInboxOnlyFromItsOwnRules() {
        Map<String, Map<String, Object>> policies = template.findResources("AWS::SQS::QueuePolicy");
        for (Service service : Service.values()) {
            String inbox = logicalId(core.inbox(service).getNode().getDefaultChild());
            long rules = deployment.settings.deployment().rules().stream()
                    .filter(r -> Deployment.consumerOf(r) == service)
                    .count();
            Map<String, Object> policy = policies.values().stream()
                    .map(p -> (Map<String, Object>) p.get("Properties"))
                    .filter(p -> p.get("Queues").equals(List.of(Map.of("Ref", inbox))))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no queue policy for " + service));
            List<Map<String, Object>> statements =
                    (List<Map<String, Object>>) ((Map<String, Object>) policy.get("PolicyDocument")).get("Statement");
            Map<String, Object> onlyOwn = statements.stream()
                    .filter(st -> "OnlyItsOwnRules".equals(st.get("Sid")))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(service + "'s inbox lets any rule write to it"));
            assertThat(onlyOwn.get("Effect")).isEqualTo("Deny");
            assertThat(onlyOwn.get("Principal")).isEqualTo(Map.of("Service", "events.amazonaws.com"));
            List<Object> allowed = (List<Object>)
                    ((Map<String, Object>) ((Map<String, Object>) onlyOwn.get("Condition")).get("ArnNotEquals"))
                            .get("aws:SourceArn");
            List<Object> expected = core.rules().entrySet().stream()
                    .filter(e -> deployment.settings.deployment().rules().stream()
                            .anyMatch(d -> d.name().equals(e.getKey()) && Deployment.consumerOf(d) == service))
                    .map(e -> (Object) Map.of(
                            "Fn::GetAtt",
                            List.of(logicalId(e.getValue().getNode().getDefaultChild()), "Arn")))
                    .toList();
            assertThat(allowed)
                    .as(service + "'s own rules")
                    .hasSize((int) rules)
                    .containsExactlyInAnyOrderElementsOf(expected);
            // And nobody, EventBridge included, without TLS.
            assertThat(statements).anySatisfy(st -> assertThat(st.get("Effect")).isEqualTo("Deny"));
        }
    }

    private Map<String, Object> arnOf(Queue queue) {
        return Map.of("Fn::GetAtt", List.of(logicalId(queue.getNode().getDefaultChild()), "Arn"));
    }

    private String logicalId(Object child) {
        return core.getLogicalId((CfnElement) child);
    }
}
