package dev.drsorchestrator.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drsorchestrator.contracts.aws.AwsEventType;
import dev.drsorchestrator.contracts.routing.EventSource;
import dev.drsorchestrator.contracts.routing.RoutingTable;
import dev.drsorchestrator.contracts.routing.RuleDefinition;
import dev.drsorchestrator.contracts.routing.Service;
import dev.drsorchestrator.contracts.routing.Subscription;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RoutingTableTest {

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyProjectEventHasAProducerAndAtLeastOneConsumer(EventType type) {
        assertThat(type.producer()).isNotNull();
        assertThat(type.source()).startsWith("drs-orchestrator.");
        assertThat(RoutingTable.consumersOf(type))
                .as("consumers of %s", type.detailType())
                .isNotEmpty();
    }

    @ParameterizedTest
    @EnumSource(AwsEventType.class)
    void everyAwsEventWeParseHasAConsumer(AwsEventType type) {
        assertThat(RoutingTable.consumersOf(type.source(), type.detailType())).isNotEmpty();
    }

    @Test
    void noServiceConsumesItsOwnEventsThroughTheBus() {
        for (Subscription subscription : RoutingTable.subscriptions()) {
            assertThat(subscription.source())
                    .isNotEqualTo(subscription.consumer().eventSource());
        }
    }

    @Test
    void everySubscribedDetailTypeIsOneTheSourceProduces() {
        for (Subscription subscription : RoutingTable.subscriptions()) {
            for (String detailType : subscription.detailTypes()) {
                boolean project = EventType.fromDetailType(detailType)
                        .filter(t -> t.producer() == subscription.source())
                        .isPresent();
                boolean aws = AwsEventType.of(subscription.source().source(), detailType)
                        .isPresent();
                assertThat(project || aws)
                        .as("%s from %s", detailType, subscription.source())
                        .isTrue();
            }
        }
    }

    @Test
    void theExecutionLifecycleReachesTheNotifier() {
        assertThat(RoutingTable.consumersOf(EventType.EXECUTION_COMPLETED))
                .containsExactlyInAnyOrder(Service.NOTIFIER, Service.PLAN);
        assertThat(RoutingTable.consumersOf(EventType.WAVE_LAUNCH_REQUESTED)).containsExactly(Service.DRS_ADAPTER);
        assertThat(RoutingTable.consumersOf(EventType.EXECUTION_REQUESTED)).containsExactly(Service.EXECUTION);
    }

    @Test
    void rulesCoverEverySubscriptionExactlyOnceOnTheRightBus() throws Exception {
        List<RuleDefinition> rules = RoutingTable.rules("dr-bus", "dr");
        Set<String> routed = new HashSet<>();
        for (RuleDefinition rule : rules) {
            JsonNode pattern = EventCodec.mapper().readTree(rule.eventPattern());
            assertThat(pattern.get("source")).hasSize(1);
            String source = pattern.get("source").get(0).asText();
            EventSource eventSource = List.of(EventSource.values()).stream()
                    .filter(s -> s.source().equals(source))
                    .findFirst()
                    .orElseThrow();
            assertThat(rule.eventBusName())
                    .isEqualTo(eventSource.bus() == EventSource.Bus.PROJECT ? "dr-bus" : "default");
            for (JsonNode detailType : pattern.get("detail-type")) {
                assertThat(routed.add(rule.targetQueueName() + "|" + source + "|" + detailType.asText()))
                        .as("routed twice: %s", detailType)
                        .isTrue();
            }
        }
        List<String> expected = new ArrayList<>();
        for (Subscription s : RoutingTable.subscriptions()) {
            s.detailTypes()
                    .forEach(d -> expected.add(
                            s.consumer().inboxQueue() + "|" + s.source().source() + "|" + d));
        }
        assertThat(routed).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void ruleNamesAreUniqueValidAndSayWhoGetsWhat() {
        List<RuleDefinition> rules = RoutingTable.rules();

        assertThat(rules).extracting(RuleDefinition::name).doesNotHaveDuplicates();
        assertThat(rules)
                .extracting(RuleDefinition::name)
                .contains(
                        "drs-orchestrator-execution-service-from-plan-service",
                        "drs-orchestrator-drs-adapter-from-aws-drs",
                        "drs-orchestrator-plan-service-from-aws-cloudwatch",
                        "drs-orchestrator-plan-service-from-scheduler");
        assertThat(rules).allSatisfy(rule -> assertThat(rule.name()).hasSizeLessThanOrEqualTo(64));
    }

    @Test
    void aRulePrefixThatWouldBreakEventBridgesNameLimitIsRefusedWithTheReason() {
        assertThatThrownBy(() -> RoutingTable.rules("bus", "a-very-long-deployment-prefix-for-rules"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be 1-64 characters")
                .hasMessageContaining("shorter");
    }

    @Test
    void memberAccountsDrsEventsReachTheSameInboxFromTheProjectBus() {
        List<RuleDefinition> forwarded = RoutingTable.forwardedRules("dr-bus", "dr");
        RuleDefinition onDefaultBus = RoutingTable.rules("dr-bus", "dr").stream()
                .filter(r -> r.name().equals("dr-drs-adapter-from-aws-drs"))
                .findFirst()
                .orElseThrow();

        assertThat(forwarded).hasSize(1);
        RuleDefinition rule = forwarded.get(0);
        assertThat(rule.name()).isEqualTo("dr-drs-adapter-from-aws-drs-forwarded");
        assertThat(rule.eventBusName()).isEqualTo("dr-bus");
        assertThat(rule.eventPattern()).isEqualTo(onDefaultBus.eventPattern());
        assertThat(rule.targetQueueName()).isEqualTo(Service.DRS_ADAPTER.inboxQueue());
    }

    @Test
    void queueNamesFollowTheConvention() {
        assertThat(Service.EXECUTION.inboxQueue()).isEqualTo("execution-service-events");
        assertThat(Service.EXECUTION.deadLetterQueue()).isEqualTo("execution-service-events-dlq");
        assertThat(Service.DRS_ADAPTER.eventSource().source()).isEqualTo("drs-orchestrator.drs-adapter");
    }
}
