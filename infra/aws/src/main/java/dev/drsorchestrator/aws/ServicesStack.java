package dev.drsorchestrator.aws;

import dev.drsorchestrator.aws.ServiceEnvironment.DrsAccount;
import dev.drsorchestrator.aws.ServiceEnvironment.Wiring;
import dev.drsorchestrator.contracts.routing.Service;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.ec2.FlowLogDestination;
import software.amazon.awscdk.services.ec2.FlowLogOptions;
import software.amazon.awscdk.services.ec2.FlowLogTrafficType;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointAwsService;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointOptions;
import software.amazon.awscdk.services.ec2.SubnetConfiguration;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.ecs.AwsLogDriverProps;
import software.amazon.awscdk.services.ecs.Cluster;
import software.amazon.awscdk.services.ecs.ContainerDefinitionOptions;
import software.amazon.awscdk.services.ecs.ContainerInsights;
import software.amazon.awscdk.services.ecs.DeploymentCircuitBreaker;
import software.amazon.awscdk.services.ecs.FargateService;
import software.amazon.awscdk.services.ecs.FargateTaskDefinition;
import software.amazon.awscdk.services.ecs.LogDrivers;
import software.amazon.awscdk.services.ecs.PortMapping;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationListener;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationListenerRule;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationLoadBalancer;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationProtocol;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationTargetGroup;
import software.amazon.awscdk.services.elasticloadbalancingv2.BaseApplicationListenerProps;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerCertificate;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerCondition;
import software.amazon.awscdk.services.elasticloadbalancingv2.SslPolicy;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.constructs.Construct;

/**
 * The five services on ECS Fargate in private subnets, behind one HTTPS entry point (an Application Load Balancer
 * with WAF) that routes {@code /api/<service>/…} to each, and every other path to the console ({@link
 * ConsoleHosting}). One task role per service, holding only what that service calls (see {@link ServiceAccess}); logs
 * to CloudWatch with retention; scaling on inbox depth, at least one task.
 */
public final class ServicesStack extends Stack {

    private final Map<Service, FargateService> services = new EnumMap<>(Service.class);
    private final Map<Service, Role> taskRoles = new EnumMap<>(Service.class);
    private final Map<Service, LogGroup> logs = new EnumMap<>(Service.class);
    private final Map<Service, ApplicationTargetGroup> targets = new EnumMap<>(Service.class);
    private final ApplicationLoadBalancer entryPoint;
    private final ConsoleHosting console;

    public ServicesStack(
            Construct scope,
            String id,
            StackProps props,
            Settings settings,
            Path repositoryRoot,
            CoreStack core,
            IdentityStack identity) {
        super(scope, id, props);
        Deployment deployment = settings.deployment();
        RetentionDays retention = ServiceParts.retention(settings.logRetentionDays());

        LogGroup flowLogs = LogGroup.Builder.create(this, "FlowLogs")
                .retention(retention)
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        Vpc vpc = Vpc.Builder.create(this, "Network")
                .maxAzs(2)
                .natGateways(settings.natGateways())
                .subnetConfiguration(List.of(
                        SubnetConfiguration.builder()
                                .name("entry")
                                .subnetType(SubnetType.PUBLIC)
                                .cidrMask(24)
                                .build(),
                        SubnetConfiguration.builder()
                                .name("services")
                                .subnetType(SubnetType.PRIVATE_WITH_EGRESS)
                                .cidrMask(20)
                                .build()))
                .flowLogs(Map.of(
                        "All",
                        FlowLogOptions.builder()
                                .destination(FlowLogDestination.toCloudWatchLogs(flowLogs))
                                .trafficType(FlowLogTrafficType.REJECT)
                                .build()))
                .build();
        // DynamoDB traffic stays off the NAT gateway (and costs nothing).
        vpc.addGatewayEndpoint(
                "DynamoDb",
                GatewayVpcEndpointOptions.builder()
                        .service(GatewayVpcEndpointAwsService.DYNAMODB)
                        .build());

        Cluster cluster = Cluster.Builder.create(this, "Cluster")
                .clusterName(deployment.prefix())
                .vpc(vpc)
                .containerInsightsV2(ContainerInsights.ENABLED)
                .build();

        Bucket accessLogs = Bucket.Builder.create(this, "AccessLogs")
                .encryption(BucketEncryption.S3_MANAGED)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .enforceSsl(true)
                .lifecycleRules(List.of(LifecycleRule.builder()
                        .expiration(Duration.days(settings.logRetentionDays()))
                        .build()))
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        entryPoint = ApplicationLoadBalancer.Builder.create(this, "EntryPoint")
                .loadBalancerName(deployment.prefix())
                .vpc(vpc)
                .internetFacing(true)
                .vpcSubnets(
                        SubnetSelection.builder().subnetType(SubnetType.PUBLIC).build())
                .dropInvalidHeaderFields(true)
                .build();
        entryPoint.logAccessLogs(accessLogs, "entry-point");
        ApplicationListener https = entryPoint.addListener(
                "Https",
                BaseApplicationListenerProps.builder()
                        .protocol(ApplicationProtocol.HTTPS)
                        .port(443)
                        .sslPolicy(SslPolicy.RECOMMENDED_TLS)
                        .certificates(List.of(ListenerCertificate.fromArn(settings.certificateArn())))
                        // The default action is the console's (ConsoleHosting), added once its target exists.
                        .build());
        // The services' own endpoints (/q/health, /q/metrics, /q/openapi) stay inside the VPC.
        ApplicationListenerRule.Builder.create(this, "NoServiceEndpoints")
                .listener(https)
                .priority(1)
                .conditions(List.of(ListenerCondition.pathPatterns(Deployment.PRIVATE_PATHS)))
                .action(ServiceParts.notFound("A service's own endpoints (/q/…) are not exposed."))
                .build();
        entryPoint.addRedirect();
        CfnOutput.Builder.create(this, "EntryPointDnsName")
                .value(entryPoint.getLoadBalancerDnsName())
                .description("point " + settings.domainName() + " at this name (a CNAME or an alias record)")
                .build();
        CfnOutput.Builder.create(this, "ApiUrl")
                .value(settings.publicUrl() + "/api/")
                .description("the APIs: /api/<service>/…")
                .build();
        new EdgeProtection(this, "Waf", settings, entryPoint);

        Wiring wiring = new Wiring(
                getRegion(),
                identity.issuer(),
                List.of(
                        identity.console().getUserPoolClientId(),
                        identity.machines().getUserPoolClientId()),
                core.scheduleRole().getRoleArn(),
                core.notifications().getTopicArn(),
                settings.publicUrl(),
                drsAccounts(settings));

        int priority = 10;
        for (Service service : Service.values()) {
            LogGroup log = LogGroup.Builder.create(this, Names.id(service.serviceName()) + "Logs")
                    .logGroupName("/" + deployment.prefix() + "/" + service.serviceName())
                    .retention(retention)
                    .removalPolicy(RemovalPolicy.DESTROY)
                    .build();
            Role role = Role.Builder.create(this, Names.id(service.serviceName()) + "TaskRole")
                    .roleName(
                            service == Service.DRS_ADAPTER
                                    ? deployment.drsAdapterRoleName()
                                    : deployment.prefix() + "-" + service.serviceName() + "-task")
                    .description(service.serviceName() + ": only its own tables and queue, PutEvents on the bus"
                            + (service == Service.DRS_ADAPTER ? ", and the recovery APIs" : ""))
                    .assumedBy(new ServicePrincipal("ecs-tasks.amazonaws.com"))
                    .build();
            ServiceAccess.grant(service, role, core, settings);

            FargateTaskDefinition task = ServiceParts.task(
                    this,
                    Names.id(service.serviceName()) + "Task",
                    deployment.prefix() + "-" + service.serviceName(),
                    512,
                    1024,
                    role);
            task.addContainer(
                    "app",
                    ContainerDefinitionOptions.builder()
                            .image(ServiceParts.image(this, service.serviceName(), settings, repositoryRoot))
                            .environment(ServiceEnvironment.variables(service, deployment, wiring, settings.tracing()))
                            .portMappings(List.of(PortMapping.builder()
                                    .containerPort(Deployment.port(service))
                                    .build()))
                            .logging(LogDrivers.awsLogs(AwsLogDriverProps.builder()
                                    .logGroup(log)
                                    .streamPrefix(service.serviceName())
                                    .build()))
                            .stopTimeout(Duration.seconds(30))
                            .build());

            if (settings.tracing()) {
                ServiceParts.collector(task, log);
            }
            NagSuppressionsList.executionRole(task);

            FargateService fargate = FargateService.Builder.create(this, Names.id(service.serviceName()) + "Service")
                    .serviceName(service.serviceName())
                    .cluster(cluster)
                    .taskDefinition(task)
                    // No desired count: the scaling policy owns it (at least one), and a deployment must not reset it.
                    .minHealthyPercent(100)
                    .maxHealthyPercent(200)
                    .circuitBreaker(
                            DeploymentCircuitBreaker.builder().rollback(true).build())
                    .vpcSubnets(SubnetSelection.builder()
                            .subnetGroupName("services")
                            .build())
                    .assignPublicIp(false)
                    .build();
            ApplicationTargetGroup target = ServiceParts.target(
                    this, Names.id(service.serviceName()) + "Target", vpc, fargate, Deployment.port(service));
            ServiceParts.route(this, https, service, target, priority);
            priority += 10;

            ServiceParts.scaleOnInbox(fargate, core.inbox(service), settings.maxTasks());

            services.put(service, fargate);
            taskRoles.put(service, role);
            logs.put(service, log);
            targets.put(service, target);
        }

        console =
                new ConsoleHosting(this, "Console", settings, repositoryRoot, vpc, cluster, https, retention, identity);
        CfnOutput.Builder.create(this, "ConsoleUrl")
                .value(settings.publicUrl() + "/")
                .description("the console: sign in with a user of the pool (docs/deploy.md)")
                .build();
    }

    /** The recovery account itself first (no role), then each member account through its role. */
    private List<DrsAccount> drsAccounts(Settings settings) {
        List<DrsAccount> accounts = new ArrayList<>();
        accounts.add(new DrsAccount(getAccount(), getRegion(), null, null));
        String region = settings.memberRegion() == null ? getRegion() : settings.memberRegion();
        for (String member : settings.memberAccounts()) {
            accounts.add(new DrsAccount(
                    member,
                    region,
                    "arn:" + getPartition() + ":iam::" + member + ":role/" + settings.memberRoleName(),
                    settings.externalId()));
        }
        return accounts;
    }

    public ApplicationLoadBalancer entryPoint() {
        return entryPoint;
    }

    public FargateService service(Service service) {
        return services.get(service);
    }

    public Role taskRole(Service service) {
        return taskRoles.get(service);
    }

    public LogGroup log(Service service) {
        return logs.get(service);
    }

    public ApplicationTargetGroup target(Service service) {
        return targets.get(service);
    }

    /** The console's service, task role, log group and target group. */
    ConsoleHosting console() {
        return console;
    }
}
