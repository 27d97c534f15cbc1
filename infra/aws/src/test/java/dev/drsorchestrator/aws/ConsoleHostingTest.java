package dev.drsorchestrator.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.constructs.IConstruct;

/**
 * The console on its own Fargate service behind the entry point: every path that is not an API's reaches it, it
 * gets where to sign in from the user pool, its task role holds nothing, and its client returns to
 * {@code /callback}.
 */
@SuppressWarnings("unchecked")
class ConsoleHostingTest {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z0-9_]+)(:[^}]*)?}");

    private final Synthesized deployment = Synthesized.deployment();
    private final ServicesStack servicesStack = deployment.stacks.services();
    private final IdentityStack identityStack = deployment.stacks.identity();
    private final ConsoleHosting console = servicesStack.console();
    private final Template services = deployment.template(servicesStack);
    private final Template identity = deployment.template(identityStack);

    @Test
    void theConsoleRunsOnFargateInPrivateSubnetsWithOneTaskAndASecondUnderLoad() {
        services.hasResourceProperties(
                "AWS::ECS::Service",
                Match.objectLike(Map.of(
                        "ServiceName",
                        "console",
                        "LaunchType",
                        "FARGATE",
                        "DeploymentConfiguration",
                        Match.objectLike(Map.of(
                                "DeploymentCircuitBreaker",
                                Map.of("Enable", true, "Rollback", true),
                                "MinimumHealthyPercent",
                                100)),
                        "NetworkConfiguration",
                        Map.of("AwsvpcConfiguration", Match.objectLike(Map.of("AssignPublicIp", "DISABLED"))))));
        services.hasResourceProperties(
                "AWS::ECS::TaskDefinition",
                Match.objectLike(Map.of(
                        "Family", "drs-orchestrator-console",
                        "Cpu", "256",
                        "Memory", "512",
                        "ContainerDefinitions",
                                List.of(Match.objectLike(Map.of(
                                        "PortMappings", List.of(Match.objectLike(Map.of("ContainerPort", 8080)))))))));
        Object resourceId = Map.of(
                "Fn::Join",
                Match.arrayWith(List.of(Match.arrayWith(
                        List.of(Map.of("Fn::GetAtt", List.of(logicalId(console.service()), "Name")))))));
        services.hasResourceProperties(
                "AWS::ApplicationAutoScaling::ScalableTarget",
                Match.objectLike(Map.of("MinCapacity", 1, "MaxCapacity", 2, "ResourceId", resourceId)));
        services.hasResourceProperties(
                "AWS::ApplicationAutoScaling::ScalingPolicy",
                Match.objectLike(Map.of(
                        "PolicyType",
                        "TargetTrackingScaling",
                        "TargetTrackingScalingPolicyConfiguration",
                        Match.objectLike(Map.of(
                                "TargetValue",
                                60,
                                "PredefinedMetricSpecification",
                                Map.of("PredefinedMetricType", "ECSServiceAverageCPUUtilization"))))));
        services.hasResourceProperties(
                "AWS::Logs::LogGroup", Map.of("LogGroupName", "/drs-orchestrator/console", "RetentionInDays", 90));
    }

    @Test
    void theConsoleIsToldThePoolItsClientAndTheSignInDomainsLogout() {
        Map<String, Object> env = environment();
        assertThat(env)
                .containsOnlyKeys(ConsoleHosting.environment("a", "b", "c", "d").keySet());
        assertThat(env.get("CONSOLE_ENVIRONMENT")).isEqualTo("drs-orchestrator");
        // Cross-stack values: each an import of the identity stack's export of that resource.
        assertThat(env.get("CONSOLE_OIDC_AUTHORITY").toString())
                .startsWith("{Fn::ImportValue=")
                .contains(logicalId(identityStack.pool()) + "ProviderURL");
        assertThat(env.get("CONSOLE_OIDC_CLIENT_ID").toString())
                .startsWith("{Fn::ImportValue=")
                .contains(logicalId(identityStack.console()));
        String logout = env.get("CONSOLE_OIDC_LOGOUT_URL").toString();
        assertThat(logout)
                .startsWith("{Fn::Join=")
                .contains("https://", logicalId(identityStack.domain()), ".auth.eu-west-1.amazoncognito.com/logout");
    }

    @Test
    void everyVariableTheConsolesProdProfileReadsIsSet() throws IOException {
        Path properties = DrsOrchestratorApp.repositoryRoot(Path.of("").toAbsolutePath())
                .resolve("console/src/main/resources/application.properties");
        List<String> read = new ArrayList<>();
        for (String line : Files.readAllLines(properties)) {
            if (line.startsWith("%prod.")) {
                Matcher m = VARIABLE.matcher(line.substring(line.indexOf('=') + 1));
                if (m.matches()) {
                    read.add(m.group(1));
                }
            }
        }
        assertThat(read).isNotEmpty();
        assertThat(ConsoleHosting.environment("a", "b", "c", "d").keySet()).containsExactlyInAnyOrderElementsOf(read);
        assertThat(Files.readString(properties)).contains("quarkus.http.port=" + ConsoleHosting.PORT);
    }

    @Test
    void everyPathThatIsNoApiReachesTheConsoleAndItsReadinessIsChecked() {
        String target = logicalId(console.target());
        services.hasResourceProperties(
                "AWS::ElasticLoadBalancingV2::Listener",
                Match.objectLike(Map.of(
                        "Protocol",
                        "HTTPS",
                        "DefaultActions",
                        List.of(Map.of("Type", "forward", "TargetGroupArn", Map.of("Ref", target))))));
        assertThat(services.findResources("AWS::ElasticLoadBalancingV2::TargetGroup"))
                .containsKey(target)
                .extractingByKey(target)
                .asString()
                .contains("HealthCheckPath=/q/health/ready", "Port=8080");
    }

    @Test
    void anApiPathNoServiceTakesIsTheEntryPointsProblemNotTheConsolesPage() {
        services.hasResourceProperties(
                "AWS::ElasticLoadBalancingV2::ListenerRule",
                Match.objectLike(Map.of(
                        "Priority",
                        ConsoleHosting.API_NOT_FOUND_PRIORITY,
                        "Conditions",
                        List.of(Map.of(
                                "Field", "path-pattern", "PathPatternConfig", Map.of("Values", List.of("/api/*")))),
                        "Actions",
                        List.of(Match.objectLike(Map.of(
                                "Type",
                                "fixed-response",
                                "FixedResponseConfig",
                                Map.of(
                                        "StatusCode", "404",
                                        "ContentType", "application/problem+json",
                                        "MessageBody",
                                                "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,"
                                                        + "\"detail\":\"No service here. The APIs are under "
                                                        + "/api/<service>/, such as "
                                                        + "/api/plan-service/recovery-plans.\"}")))))));
        // Every service's route and the refusal of their own endpoints come first.
        services.findResources("AWS::ElasticLoadBalancingV2::ListenerRule").values().stream()
                .map(rule -> (Map<String, Object>) rule.get("Properties"))
                .filter(rule -> !rule.get("Priority").equals(ConsoleHosting.API_NOT_FOUND_PRIORITY))
                .forEach(rule ->
                        assertThat((Integer) rule.get("Priority")).isLessThan(ConsoleHosting.API_NOT_FOUND_PRIORITY));
    }

    @Test
    void theConsolesTaskRoleHoldsNoPermission() {
        String role = logicalId(console.taskRole());
        Map<String, Map<String, Object>> roles = services.findResources("AWS::IAM::Role");
        Map<String, Object> properties = (Map<String, Object>) roles.get(role).get("Properties");
        assertThat(properties).containsEntry("RoleName", "drs-orchestrator-console-task");
        assertThat(properties).doesNotContainKeys("Policies", "ManagedPolicyArns");
        services.findResources("AWS::IAM::Policy")
                .forEach((id, policy) -> assertThat(policy.toString())
                        .as(id + " is attached to another role")
                        .doesNotContain("Ref=" + role + "}"));
        services.hasResourceProperties(
                "AWS::ECS::TaskDefinition",
                Match.objectLike(Map.of(
                        "Family",
                        "drs-orchestrator-console",
                        "TaskRoleArn",
                        Map.of("Fn::GetAtt", List.of(role, "Arn")))));
    }

    @Test
    void theConsolesClientReturnsToCallbackAndLogsOutToTheHomePage() {
        identity.hasResourceProperties(
                "AWS::Cognito::UserPoolClient",
                Match.objectLike(Map.of(
                        "ClientName", "drs-orchestrator-console",
                        "AllowedOAuthFlows", List.of("code"),
                        "CallbackURLs", List.of("https://dr.example.com/callback"),
                        "LogoutURLs", List.of("https://dr.example.com/"))));
    }

    @Test
    void anAlarmSaysWhenTheConsoleHasNoTask() {
        deployment
                .template(deployment.stacks.observability())
                .hasResourceProperties(
                        "AWS::CloudWatch::Alarm",
                        Match.objectLike(Map.of(
                                "AlarmName",
                                Match.stringLikeRegexp(".*-console-no-task"),
                                "MetricName",
                                "RunningTaskCount",
                                "Dimensions",
                                Match.arrayWith(
                                        List.of(Map.of("Name", "ServiceName", "Value", ConsoleHosting.NAME))))));
    }

    private Map<String, Object> environment() {
        Map<String, Object> task = services.findResources(
                        "AWS::ECS::TaskDefinition",
                        Map.of("Properties", Match.objectLike(Map.of("Family", "drs-orchestrator-console"))))
                .values()
                .iterator()
                .next();
        List<Map<String, Object>> containers =
                (List<Map<String, Object>>) ((Map<String, Object>) task.get("Properties")).get("ContainerDefinitions");
        Map<String, Object> env = new java.util.LinkedHashMap<>();
        for (Map<String, Object> variable :
                (List<Map<String, Object>>) containers.get(0).get("Environment")) {
            env.put((String) variable.get("Name"), variable.get("Value"));
        }
        return env;
    }

    private static String logicalId(IConstruct construct) {
        IConstruct resource = construct.getNode().getDefaultChild();
        return Stack.of(resource).getLogicalId((CfnElement) resource);
    }
}
