package dev.drsorchestrator.aws;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.applicationautoscaling.EnableScalingProps;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ecs.AwsLogDriverProps;
import software.amazon.awscdk.services.ecs.ContainerDefinitionOptions;
import software.amazon.awscdk.services.ecs.CpuUtilizationScalingProps;
import software.amazon.awscdk.services.ecs.DeploymentCircuitBreaker;
import software.amazon.awscdk.services.ecs.FargateService;
import software.amazon.awscdk.services.ecs.FargateTaskDefinition;
import software.amazon.awscdk.services.ecs.ICluster;
import software.amazon.awscdk.services.ecs.LogDrivers;
import software.amazon.awscdk.services.ecs.PortMapping;
import software.amazon.awscdk.services.elasticloadbalancingv2.AddApplicationActionProps;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationListener;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationListenerRule;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationTargetGroup;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerAction;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerCondition;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * The operator console (the {@code console} module) as its own small Fargate service behind the same entry point as
 * the APIs: the listener's default action, so every path that is not {@code /api/…} (the app's pages, its assets,
 * {@code /config.json}) reaches it. One origin for the app and the APIs, so no CORS, and the same TLS certificate,
 * WAF and deployment. The console calls no AWS API: its task role holds no permission. Unknown {@code /api/…} paths
 * are answered by the load balancer, so they never reach it.
 */
final class ConsoleHosting extends Construct {

    /** The module, its container's name in logs and ECR ({@code <prefix>/console}), and its ECS service. */
    static final String NAME = "console";

    /** The console's quarkus.http.port. */
    static final int PORT = 8080;

    /** After every service's route (10, 20, …), before the default action: any other {@code /api/…} path. */
    static final int API_NOT_FOUND_PRIORITY = 900;

    static final String API_NOT_FOUND_DETAIL =
            "No service here. The APIs are under /api/<service>/, such as /api/plan-service/recovery-plans.";

    /** Enough to serve static files and one small JSON document. */
    static final int CPU = 256;

    static final int MEMORY_MIB = 512;

    /** One task, a second under load (a CPU target); the services run one task each too. */
    static final int MAX_TASKS = 2;

    private final FargateService service;
    private final Role taskRole;
    private final LogGroup log;
    private final ApplicationTargetGroup target;

    ConsoleHosting(
            Construct scope,
            String id,
            Settings settings,
            Path repositoryRoot,
            IVpc vpc,
            ICluster cluster,
            ApplicationListener https,
            RetentionDays retention,
            IdentityStack identity) {
        super(scope, id);
        String prefix = settings.prefix();
        log = LogGroup.Builder.create(this, "Logs")
                .logGroupName("/" + prefix + "/" + NAME)
                .retention(retention)
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        // ECS always gives a task a role; this one is named, and holds nothing.
        taskRole = Role.Builder.create(this, "TaskRole")
                .roleName(prefix + "-" + NAME + "-task")
                .description(NAME + ": no permissions (it serves the app and calls no AWS API)")
                .assumedBy(new ServicePrincipal("ecs-tasks.amazonaws.com"))
                .build();
        FargateTaskDefinition task = ServiceParts.task(this, "Task", prefix + "-" + NAME, CPU, MEMORY_MIB, taskRole);
        task.addContainer(
                "app",
                ContainerDefinitionOptions.builder()
                        .image(ServiceParts.image(this, NAME, settings, repositoryRoot))
                        .environment(environment(
                                identity.issuer(),
                                identity.console().getUserPoolClientId(),
                                identity.domain().baseUrl(),
                                prefix))
                        .portMappings(List.of(
                                PortMapping.builder().containerPort(PORT).build()))
                        .logging(LogDrivers.awsLogs(AwsLogDriverProps.builder()
                                .logGroup(log)
                                .streamPrefix(NAME)
                                .build()))
                        .stopTimeout(Duration.seconds(30))
                        .build());
        NagSuppressionsList.executionRole(task);

        service = FargateService.Builder.create(this, "Service")
                .serviceName(NAME)
                .cluster(cluster)
                .taskDefinition(task)
                // No desired count: the scaling policy owns it (at least one), and a deployment must not reset it.
                .minHealthyPercent(100)
                .maxHealthyPercent(200)
                .circuitBreaker(
                        DeploymentCircuitBreaker.builder().rollback(true).build())
                .vpcSubnets(
                        SubnetSelection.builder().subnetGroupName("services").build())
                .assignPublicIp(false)
                .build();
        service.autoScaleTaskCount(EnableScalingProps.builder()
                        .minCapacity(1)
                        .maxCapacity(MAX_TASKS)
                        .build())
                .scaleOnCpuUtilization(
                        "Cpu",
                        CpuUtilizationScalingProps.builder()
                                .targetUtilizationPercent(60)
                                .scaleOutCooldown(Duration.minutes(1))
                                .scaleInCooldown(Duration.minutes(5))
                                .build());
        target = ServiceParts.target(this, "Target", vpc, service, PORT);

        // Everything the rules before do not take: the app's pages, /assets/…, /config.json.
        https.addAction(
                "Console",
                AddApplicationActionProps.builder()
                        .action(ListenerAction.forward(List.of(target)))
                        .build());
        // An API path no service matched is the load balancer's 404, never the console's page.
        ApplicationListenerRule.Builder.create(this, "ApiNotFound")
                .listener(https)
                .priority(API_NOT_FOUND_PRIORITY)
                .conditions(List.of(ListenerCondition.pathPatterns(List.of("/api/*"))))
                .action(ServiceParts.notFound(API_NOT_FOUND_DETAIL))
                .build();
    }

    /**
     * What the console's {@code %prod} profile reads: the issuer, its app client, Cognito's logout endpoint
     * ({@code <sign-in domain>/logout}) and the label shown in its header (the deployment's prefix).
     */
    static Map<String, String> environment(
            String issuer, String clientId, String signInDomainUrl, String environmentLabel) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("CONSOLE_OIDC_AUTHORITY", issuer);
        env.put("CONSOLE_OIDC_CLIENT_ID", clientId);
        env.put("CONSOLE_OIDC_LOGOUT_URL", signInDomainUrl + "/logout");
        env.put("CONSOLE_ENVIRONMENT", environmentLabel);
        return env;
    }

    FargateService service() {
        return service;
    }

    Role taskRole() {
        return taskRole;
    }

    LogGroup log() {
        return log;
    }

    ApplicationTargetGroup target() {
        return target;
    }
}
