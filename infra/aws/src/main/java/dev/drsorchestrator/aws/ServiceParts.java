package dev.drsorchestrator.aws;

import dev.drsorchestrator.contracts.routing.Service;
import java.nio.file.Path;
import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.applicationautoscaling.AdjustmentType;
import software.amazon.awscdk.services.applicationautoscaling.BasicStepScalingPolicyProps;
import software.amazon.awscdk.services.applicationautoscaling.EnableScalingProps;
import software.amazon.awscdk.services.applicationautoscaling.ScalingInterval;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ecr.Repository;
import software.amazon.awscdk.services.ecr.assets.Platform;
import software.amazon.awscdk.services.ecs.AssetImageProps;
import software.amazon.awscdk.services.ecs.AwsLogDriverProps;
import software.amazon.awscdk.services.ecs.ContainerDefinitionOptions;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.amazon.awscdk.services.ecs.CpuArchitecture;
import software.amazon.awscdk.services.ecs.FargateService;
import software.amazon.awscdk.services.ecs.FargateTaskDefinition;
import software.amazon.awscdk.services.ecs.LogDrivers;
import software.amazon.awscdk.services.ecs.OperatingSystemFamily;
import software.amazon.awscdk.services.ecs.RuntimePlatform;
import software.amazon.awscdk.services.ecs.ScalableTaskCount;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationListener;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationListenerRule;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationProtocol;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationTargetGroup;
import software.amazon.awscdk.services.elasticloadbalancingv2.CfnListenerRule;
import software.amazon.awscdk.services.elasticloadbalancingv2.FixedResponseOptions;
import software.amazon.awscdk.services.elasticloadbalancingv2.HealthCheck;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerAction;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerCondition;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.logs.ILogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.sqs.Queue;
import software.constructs.Construct;

/**
 * The parts of one service's deployment that {@link ServicesStack} puts together: image, route, scaling, logs (the
 * image and the load balancer's answers serve {@link ConsoleHosting} too).
 */
final class ServiceParts {

    private ServiceParts() {}

    /**
     * {@code /api/<service>/…} goes to the service as {@code /…}: the load balancer rewrites the path, so every
     * service keeps serving at its root, as it does locally (and as the console's local proxy forwards to it).
     */
    static void route(
            Construct scope, ApplicationListener https, Service service, ApplicationTargetGroup target, int priority) {
        ApplicationListenerRule rule = ApplicationListenerRule.Builder.create(
                        scope, Names.id(service.serviceName()) + "Route")
                .listener(https)
                .priority(priority)
                .conditions(List.of(ListenerCondition.pathPatterns(List.of(Deployment.apiPath(service) + "/*"))))
                .action(ListenerAction.forward(List.of(target)))
                .build();
        Deployment.Rewrite rewrite = Deployment.rewrite(service);
        ((CfnListenerRule) rule.getNode().getDefaultChild())
                .setTransforms(List.of(CfnListenerRule.TransformProperty.builder()
                        .type("url-rewrite")
                        .urlRewriteConfig(CfnListenerRule.RewriteConfigObjectProperty.builder()
                                .rewrites(List.of(CfnListenerRule.RewriteConfigProperty.builder()
                                        .regex(rewrite.regex())
                                        .replace(rewrite.replace())
                                        .build()))
                                .build())
                        .build()));
    }

    /** One more task while the inbox holds hundreds of messages, three more at thousands; back to one when empty. */
    static void scaleOnInbox(FargateService service, Queue inbox, int maxTasks) {
        ScalableTaskCount count = service.autoScaleTaskCount(EnableScalingProps.builder()
                .minCapacity(1)
                .maxCapacity(maxTasks)
                .build());
        count.scaleOnMetric(
                "InboxDepth",
                BasicStepScalingPolicyProps.builder()
                        .metric(inbox.metricApproximateNumberOfMessagesVisible(
                                software.amazon.awscdk.services.cloudwatch.MetricOptions.builder()
                                        .period(Duration.minutes(1))
                                        .statistic("Maximum")
                                        .build()))
                        .adjustmentType(AdjustmentType.CHANGE_IN_CAPACITY)
                        .scalingSteps(List.of(
                                ScalingInterval.builder().upper(10).change(-1).build(),
                                ScalingInterval.builder().lower(200).change(1).build(),
                                ScalingInterval.builder().lower(2000).change(3).build()))
                        .cooldown(Duration.minutes(2))
                        .build());
    }

    /**
     * The image of the module {@code name} (a service, or the console): built from its Quarkus fast-jar with
     * {@code <name>/src/main/docker/Dockerfile.jvm} as a CDK asset (the default), or, with {@code imageTag}, the
     * image already in ECR as {@code <prefix>/<name>:<tag>}.
     */
    static ContainerImage image(Construct scope, String name, Settings settings, Path repositoryRoot) {
        if (settings.imageTag() != null) {
            return ContainerImage.fromEcrRepository(
                    Repository.fromRepositoryName(scope, Names.id(name) + "Repository", settings.prefix() + "/" + name),
                    settings.imageTag());
        }
        return ContainerImage.fromAsset(
                repositoryRoot.resolve(name).toString(),
                AssetImageProps.builder()
                        .file("src/main/docker/Dockerfile.jvm")
                        .platform(Platform.LINUX_AMD64)
                        .build());
    }

    /** A 404 problem+json the load balancer answers itself. */
    static ListenerAction notFound(String detail) {
        return ListenerAction.fixedResponse(
                404,
                FixedResponseOptions.builder()
                        .contentType("application/problem+json")
                        .messageBody("{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,\"detail\":\""
                                + detail + "\"}")
                        .build());
    }

    /** A Fargate task definition on Linux x86-64 (the images are built for it) with {@code role} as its task role. */
    static FargateTaskDefinition task(Construct scope, String id, String family, int cpu, int memoryMiB, IRole role) {
        return FargateTaskDefinition.Builder.create(scope, id)
                .family(family)
                .cpu(cpu)
                .memoryLimitMiB(memoryMiB)
                .taskRole(role)
                .runtimePlatform(RuntimePlatform.builder()
                        .cpuArchitecture(CpuArchitecture.X86_64)
                        .operatingSystemFamily(OperatingSystemFamily.LINUX)
                        .build())
                .build();
    }

    /** Where a service sends its spans when tracing is on: the collector in its task, OTLP over HTTP. */
    static final String COLLECTOR_OTLP = "http://localhost:4318";

    /**
     * The AWS Distro for OpenTelemetry collector, pinned, from Amazon's public gallery: it receives OTLP and sends
     * traces to X-Ray with the task role (its bundled ECS configuration).
     */
    static final String COLLECTOR_IMAGE = "public.ecr.aws/aws-observability/aws-otel-collector:v0.43.3";

    /**
     * Adds the tracing collector beside the service in {@code task}: not essential (the service runs on without it;
     * spans are then dropped), 0.0625 vCPU and at most 128 MB of the task's share, logging to the service's group.
     */
    static void collector(FargateTaskDefinition task, ILogGroup log) {
        task.addContainer(
                "otel-collector",
                ContainerDefinitionOptions.builder()
                        .image(ContainerImage.fromRegistry(COLLECTOR_IMAGE))
                        .command(List.of("--config=/etc/ecs/ecs-default-config.yaml"))
                        .essential(false)
                        .cpu(64)
                        .memoryLimitMiB(128)
                        .logging(LogDrivers.awsLogs(AwsLogDriverProps.builder()
                                .logGroup(log)
                                .streamPrefix("otel-collector")
                                .build()))
                        .build());
    }

    /** A target group of a Fargate service's tasks on {@code port}, healthy when they answer ready. */
    static ApplicationTargetGroup target(Construct scope, String id, IVpc vpc, FargateService service, int port) {
        return ApplicationTargetGroup.Builder.create(scope, id)
                .vpc(vpc)
                .protocol(ApplicationProtocol.HTTP)
                .port(port)
                .targets(List.of(service))
                .deregistrationDelay(Duration.seconds(30))
                .healthCheck(HealthCheck.builder()
                        .path(Deployment.READINESS_PATH)
                        .healthyHttpCodes("200")
                        .interval(Duration.seconds(15))
                        .healthyThresholdCount(2)
                        .unhealthyThresholdCount(3)
                        .build())
                .build();
    }

    static RetentionDays retention(int days) {
        for (RetentionDays r : RetentionDays.values()) {
            if (r != RetentionDays.INFINITE && r.name().equals(retentionName(days))) {
                return r;
            }
        }
        throw new IllegalArgumentException("no CloudWatch Logs retention of " + days + " days");
    }

    private static String retentionName(int days) {
        return switch (days) {
            case 1 -> "ONE_DAY";
            case 3 -> "THREE_DAYS";
            case 5 -> "FIVE_DAYS";
            case 7 -> "ONE_WEEK";
            case 14 -> "TWO_WEEKS";
            case 30 -> "ONE_MONTH";
            case 60 -> "TWO_MONTHS";
            case 90 -> "THREE_MONTHS";
            case 120 -> "FOUR_MONTHS";
            case 150 -> "FIVE_MONTHS";
            case 180 -> "SIX_MONTHS";
            case 365 -> "ONE_YEAR";
            case 400 -> "THIRTEEN_MONTHS";
            case 545 -> "EIGHTEEN_MONTHS";
            case 731 -> "TWO_YEARS";
            case 1096 -> "THREE_YEARS";
            case 1827 -> "FIVE_YEARS";
            case 2192 -> "SIX_YEARS";
            case 2557 -> "SEVEN_YEARS";
            case 2922 -> "EIGHT_YEARS";
            case 3288 -> "NINE_YEARS";
            case 3653 -> "TEN_YEARS";
            default -> "";
        };
    }
}
