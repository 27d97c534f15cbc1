package dev.drsorchestrator.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drsorchestrator.contracts.routing.Service;
import dev.drsorchestrator.kit.auth.Roles;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * The five services on Fargate behind one HTTPS entry point with WAF (the console behind it: {@link
 * ConsoleHostingTest}); the user pool with the role groups.
 */
@SuppressWarnings("unchecked")
class EntryPointAndServicesTest {

    private final Synthesized deployment = Synthesized.deployment();
    private final Template services = deployment.template(deployment.stacks.services());
    private final Template identity = deployment.template(deployment.stacks.identity());

    @Test
    void eachServiceRunsOnFargateInPrivateSubnetsWithAtLeastOneTask() {
        // The five services and the console (ConsoleHostingTest).
        services.resourceCountIs("AWS::ECS::Service", Service.values().length + 1);
        services.allResourcesProperties(
                "AWS::ECS::Service",
                Match.objectLike(Map.of(
                        "LaunchType",
                        "FARGATE",
                        "NetworkConfiguration",
                        Map.of("AwsvpcConfiguration", Match.objectLike(Map.of("AssignPublicIp", "DISABLED"))))));
        // The scaling policy owns the count (at least one); a deployment must not reset it.
        services.findResources("AWS::ECS::Service")
                .values()
                .forEach(service -> assertThat(((Map<String, Object>) service.get("Properties")).keySet())
                        .doesNotContain("DesiredCount"));
        assertThat(services.findResources(
                        "AWS::ApplicationAutoScaling::ScalableTarget",
                        Map.of("Properties", Match.objectLike(Map.of("MinCapacity", 1, "MaxCapacity", 4)))))
                .hasSize(Service.values().length);
        // Step scaling on inbox depth: one policy that adds tasks, one that removes them (and the console's CPU
        // target).
        assertThat(services.findResources(
                        "AWS::ApplicationAutoScaling::ScalingPolicy",
                        Map.of("Properties", Match.objectLike(Map.of("PolicyType", "StepScaling")))))
                .hasSize(2 * Service.values().length);
        services.hasResourceProperties(
                "AWS::CloudWatch::Alarm",
                Match.objectLike(Map.of(
                        "MetricName", "ApproximateNumberOfMessagesVisible",
                        "Namespace", "AWS/SQS",
                        "ComparisonOperator", "GreaterThanOrEqualToThreshold",
                        "Threshold", 200)));
    }

    @Test
    void withTracingEachServiceSendsItsSpansToACollectorBesideItWhichMayWriteToXRay() {
        for (Service service : Service.values()) {
            Map<String, Object> task = services.findResources(
                            "AWS::ECS::TaskDefinition",
                            Match.objectLike(Map.of(
                                    "Properties",
                                    Match.objectLike(
                                            Map.of("Family", Synthesized.PREFIX + "-" + service.serviceName())))))
                    .values()
                    .iterator()
                    .next();
            String containers = ((Map<String, Object>) task.get("Properties"))
                    .get("ContainerDefinitions")
                    .toString();
            assertThat(containers)
                    .as(service + ": the app points at the collector, which runs beside it")
                    .contains("Name=KIT_TRACING_OTLP_ENDPOINT, Value=" + ServiceParts.COLLECTOR_OTLP)
                    .contains("Image=" + ServiceParts.COLLECTOR_IMAGE)
                    .contains("Essential=false");
        }
        String policies = services.findResources("AWS::IAM::Policy").toString();
        assertThat(policies).contains("xray:PutTraceSegments").contains("xray:PutTelemetryRecords");
    }

    @Test
    void theEntryPointRoutesEachServicesApiPathAndChecksItsReadiness() {
        for (Service service : Service.values()) {
            String path = "/api/" + service.serviceName();
            Deployment.Rewrite rewrite = Deployment.rewrite(service);
            Object condition =
                    Map.of("Field", "path-pattern", "PathPatternConfig", Map.of("Values", List.of(path + "/*")));
            Object rewrites =
                    Map.of("Rewrites", List.of(Map.of("Regex", rewrite.regex(), "Replace", rewrite.replace())));
            Object transform = Map.of("Type", "url-rewrite", "UrlRewriteConfig", rewrites);
            services.hasResourceProperties(
                    "AWS::ElasticLoadBalancingV2::ListenerRule",
                    Match.objectLike(Map.of("Conditions", List.of(condition), "Transforms", List.of(transform))));
            // The service serves at its root, as it does locally.
            assertThat(rewrite.apply(path + "/protection-groups/pg-1")).isEqualTo("/protection-groups/pg-1");
            assertThat(rewrite.apply(path + "/q/health/ready")).isEqualTo("/q/health/ready");
            services.hasResourceProperties(
                    "AWS::ElasticLoadBalancingV2::TargetGroup",
                    Match.objectLike(Map.of(
                            "HealthCheckPath", "/q/health/ready",
                            "Port", Deployment.port(service),
                            "TargetType", "ip")));
        }
        // Before every service's route: their own endpoints are not exposed.
        services.hasResourceProperties(
                "AWS::ElasticLoadBalancingV2::ListenerRule",
                Match.objectLike(Map.of(
                        "Priority", 1,
                        "Conditions",
                                List.of(Map.of(
                                        "Field",
                                        "path-pattern",
                                        "PathPatternConfig",
                                        Map.of("Values", List.of("/api/*/q/*", "/q/*")))),
                        "Actions", List.of(Match.objectLike(Map.of("Type", "fixed-response"))))));
        services.hasResourceProperties(
                "AWS::ElasticLoadBalancingV2::Listener",
                Match.objectLike(Map.of(
                        "Protocol",
                        "HTTPS",
                        "Port",
                        443,
                        "Certificates",
                        List.of(Map.of("CertificateArn", deployment.settings.certificateArn())))));
    }

    @Test
    void wafLimitsRatesAndAppliesAwsManagedRulesOnTheEntryPoint() {
        String acl = services.findResources("AWS::WAFv2::WebACL").toString();
        assertThat(acl)
                .contains("RateLimitPerAddress", "Limit=2000", "AggregateKeyType=IP")
                .contains("NoServiceEndpoints", "SearchString=/q/", "Type=URL_DECODE")
                .contains("Name=SizeRestrictions_BODY", "Name=GenericRFI_BODY")
                .contains("AWSManagedRulesCommonRuleSet", "AWSManagedRulesKnownBadInputsRuleSet")
                .contains("AWSManagedRulesAmazonIpReputationList")
                .contains("Scope=REGIONAL");
        services.resourceCountIs("AWS::WAFv2::WebACLAssociation", 1);
    }

    @Test
    void theUserPoolHasOneGroupPerRoleAClientForPeopleAndOneForMachines() {
        for (String role : Roles.LADDER) {
            identity.hasResourceProperties("AWS::Cognito::UserPoolGroup", Match.objectLike(Map.of("GroupName", role)));
        }
        identity.resourceCountIs("AWS::Cognito::UserPoolGroup", Roles.LADDER.size());
        identity.hasResourceProperties(
                "AWS::Cognito::UserPoolClient",
                Match.objectLike(Map.of(
                        "AllowedOAuthFlows", List.of("code"),
                        "GenerateSecret", false,
                        "CallbackURLs", List.of("https://dr.example.com/callback"))));
        identity.hasResourceProperties(
                "AWS::Cognito::UserPoolClient",
                Match.objectLike(Map.of(
                        "AllowedOAuthFlows", List.of("client_credentials"),
                        "GenerateSecret", true,
                        "AllowedOAuthScopes", Match.anyValue())));
        String machines = identity.findResources("AWS::Cognito::UserPoolClient").toString();
        for (String role : Roles.LADDER) {
            assertThat(machines).contains("/" + role);
        }
        identity.hasResourceProperties(
                "AWS::Cognito::UserPool",
                Match.objectLike(Map.of(
                        "MfaConfiguration",
                        "ON",
                        "AdminCreateUserConfig",
                        Match.objectLike(Map.of("AllowAdminCreateUserOnly", true)))));
    }
}
