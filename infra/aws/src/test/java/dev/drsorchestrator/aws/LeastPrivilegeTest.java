package dev.drsorchestrator.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drsorchestrator.contracts.routing.Service;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.sqs.Queue;

/** Each task role holds only its own service's resources, and only drs-adapter reaches the recovery APIs. */
@SuppressWarnings("unchecked")
class LeastPrivilegeTest {

    private final Synthesized deployment = Synthesized.deployment();
    private final CoreStack core = deployment.stacks.core();
    private final ServicesStack services = deployment.stacks.services();

    @Test
    void noTaskRoleHasAWildcardActionAndEveryStarResourceIsAnApiThatRequiresIt() {
        for (Service service : Service.values()) {
            for (Map<String, Object> statement : statements(service)) {
                List<String> actions = strings(statement.get("Action"));
                assertThat(actions)
                        .as(service + ": no action is a wildcard of a whole service")
                        .noneMatch(a -> a.equals("*") || a.endsWith(":*"));
                if (strings(statement.get("Resource")).contains("*")) {
                    assertThat(actions)
                            .as(service + ": actions on * must be ones AWS authorizes only on * (listed with reasons)")
                            .allMatch(LeastPrivilegeTest::mayUseStar);
                }
            }
        }
    }

    @Test
    void eachServiceTouchesOnlyItsOwnTablesAndQueues() {
        for (Service service : Service.values()) {
            String policies = statements(service).toString();
            for (Service other : Service.values()) {
                for (Table table : core.tables(other)) {
                    String id = logicalId(table.getNode().getDefaultChild());
                    if (other == service) {
                        assertThat(policies)
                                .as(service + " may use its table " + id)
                                .contains(id);
                    } else {
                        assertThat(policies)
                                .as(service + " must not reach " + other + "'s " + id)
                                .doesNotContain(id);
                    }
                }
                for (Queue queue : List.of(core.inbox(other), core.deadLetters(other))) {
                    String id = logicalId(queue.getNode().getDefaultChild());
                    if (other == service) {
                        assertThat(policies)
                                .as(service + " uses its queue " + id)
                                .contains(id);
                    } else {
                        assertThat(policies)
                                .as(service + " must not reach " + other + "'s " + id)
                                .doesNotContain(id);
                    }
                }
            }
        }
    }

    @Test
    void onlyDrsAdapterCallsTheRecoveryApisAndAssumesMemberRoles() {
        for (Service service : Service.values()) {
            Set<String> prefixes = statements(service).stream()
                    .flatMap(s -> strings(s.get("Action")).stream())
                    .map(a -> a.substring(0, a.indexOf(':')))
                    .collect(Collectors.toSet());
            if (service == Service.DRS_ADAPTER) {
                assertThat(prefixes).contains("drs", "ec2", "ssm", "lambda", "sts");
            } else {
                assertThat(prefixes)
                        .as(service + " reaches no recovery API")
                        .doesNotContain("drs", "ec2", "ssm", "lambda", "sts");
            }
        }
        String assume = statements(Service.DRS_ADAPTER).stream()
                .filter(s -> strings(s.get("Action")).contains("sts:AssumeRole"))
                .map(s -> s.get("Resource").toString())
                .findFirst()
                .orElseThrow();
        assertThat(assume)
                .contains("111111111111:role/drs-orchestrator-member")
                .contains("222222222222:role/drs-orchestrator-member");
    }

    @Test
    void everyServicePutsEventsOnlyOnTheProjectBus() {
        String bus = logicalId(core.bus().getNode().getDefaultChild());
        for (Service service : Service.values()) {
            List<Map<String, Object>> puts = statements(service).stream()
                    .filter(s -> strings(s.get("Action")).contains("events:PutEvents"))
                    .toList();
            assertThat(puts).as(service.serviceName()).hasSize(1);
            assertThat(puts.get(0).get("Resource").toString()).contains(bus);
        }
    }

    @Test
    void planServiceMayCreateSchedulesThatTargetTheBusAndPassOnlyTheSchedulerRole() {
        List<Map<String, Object>> plan = statements(Service.PLAN);
        String bus = logicalId(core.bus().getNode().getDefaultChild());
        assertThat(plan).anySatisfy(s -> {
            assertThat(strings(s.get("Action"))).contains("events:DescribeEventBus");
            assertThat(s.get("Resource").toString()).contains(bus);
        });
        assertThat(plan).anySatisfy(s -> {
            assertThat(strings(s.get("Action"))).containsExactly("iam:PassRole");
            assertThat(s.get("Condition"))
                    .isEqualTo(Map.of("StringEquals", Map.of("iam:PassedToService", "scheduler.amazonaws.com")));
        });
    }

    @Test
    void drsLaunchesMayUseSnapshotsAndImagesButOnlyThroughDrs() {
        Map<String, Object> launches = statements(Service.DRS_ADAPTER).stream()
                .filter(s -> strings(s.get("Action")).contains("ec2:RunInstances"))
                .findFirst()
                .orElseThrow();
        assertThat(launches.get("Resource").toString()).contains("::snapshot/*").contains("::image/*");
        assertThat(launches.get("Condition")).isEqualTo(Map.of("Bool", Map.of("aws:ViaAWSService", "true")));
    }

    static boolean mayUseStar(String action) {
        return ServiceAccess.WILDCARD_REASONS.containsKey(action)
                || (action.startsWith("ec2:Describe") && ServiceAccess.WILDCARD_REASONS.containsKey("ec2:Describe*"));
    }

    /** Every statement of the service's task role's policies. */
    private List<Map<String, Object>> statements(Service service) {
        String role = logicalId(services.taskRole(service).getNode().getDefaultChild());
        List<Map<String, Object>> statements = new ArrayList<>();
        // CDK moves what does not fit a role's inline policy into managed "overflow" policies.
        List<Map<String, Object>> policies = new ArrayList<>();
        for (String type : List.of("AWS::IAM::Policy", "AWS::IAM::ManagedPolicy")) {
            policies.addAll(deployment.template(services).findResources(type).values());
        }
        for (Map<String, Object> policy : policies) {
            Map<String, Object> props = (Map<String, Object>) policy.get("Properties");
            if (List.of(Map.of("Ref", role)).equals(props.get("Roles"))) {
                statements.addAll((List<Map<String, Object>>)
                        ((Map<String, Object>) props.get("PolicyDocument")).get("Statement"));
            }
        }
        assertThat(statements).as(service + "'s task role has a policy").isNotEmpty();
        return statements;
    }

    static List<String> strings(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of(String.valueOf(value));
    }

    private String logicalId(Object child) {
        return core.getLogicalId((CfnElement) child);
    }
}
