package dev.drsorchestrator.aws;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationLoadBalancer;
import software.amazon.awscdk.services.wafv2.CfnWebACL;
import software.amazon.awscdk.services.wafv2.CfnWebACLAssociation;
import software.constructs.Construct;

/**
 * AWS WAF on the entry point: a per-address rate limit and AWS's managed rule groups (common threats, known bad
 * inputs, IP reputation), and a rule refusing the services' own endpoints however the path is encoded. Two rules of
 * the common group only count: its body-size rule (recovery plans and protection groups with many servers are
 * legitimately larger than its 8 KB) and its URL-in-body rule (a plan's HTTP checks name URLs on private IP
 * addresses); the services bound and validate every body.
 */
final class EdgeProtection extends Construct {

    static final String BODY_SIZE_RULE = "SizeRestrictions_BODY";
    /** Blocks bodies with URLs on IP addresses: a plan's HTTP checks (http://10.0.1.5/health) are exactly that. */
    static final String URL_IN_BODY_RULE = "GenericRFI_BODY";

    private final CfnWebACL acl;

    EdgeProtection(Construct scope, String id, Settings settings, ApplicationLoadBalancer entryPoint) {
        super(scope, id);
        List<Object> rules = new ArrayList<>();
        rules.add(CfnWebACL.RuleProperty.builder()
                .name("RateLimitPerAddress")
                .priority(0)
                .action(CfnWebACL.RuleActionProperty.builder()
                        .block(CfnWebACL.BlockActionProperty.builder().build())
                        .build())
                .statement(CfnWebACL.StatementProperty.builder()
                        .rateBasedStatement(CfnWebACL.RateBasedStatementProperty.builder()
                                .aggregateKeyType("IP")
                                .limit(settings.wafRateLimit())
                                .build())
                        .build())
                .visibilityConfig(visibility("RateLimitPerAddress"))
                .build());
        rules.add(privatePaths());
        rules.add(managed(2, "AWSManagedRulesCommonRuleSet", List.of(BODY_SIZE_RULE, URL_IN_BODY_RULE)));
        rules.add(managed(3, "AWSManagedRulesKnownBadInputsRuleSet", List.of()));
        rules.add(managed(4, "AWSManagedRulesAmazonIpReputationList", List.of()));
        acl = CfnWebACL.Builder.create(this, "Acl")
                .name(settings.prefix() + "-entry-point")
                .scope("REGIONAL")
                .defaultAction(CfnWebACL.DefaultActionProperty.builder()
                        .allow(CfnWebACL.AllowActionProperty.builder().build())
                        .build())
                .visibilityConfig(visibility(settings.prefix() + "-entry-point"))
                .rules(rules)
                .build();
        CfnWebACLAssociation.Builder.create(this, "Association")
                .resourceArn(entryPoint.getLoadBalancerArn())
                .webAclArn(acl.getAttrArn())
                .build();
    }

    /**
     * A service's own endpoints ({@code /q/…}) are refused by the load balancer; this also refuses them when the path
     * is percent-encoded ({@code /api/x/%71/metrics}), which the load balancer matches as written.
     */
    private static CfnWebACL.RuleProperty privatePaths() {
        return CfnWebACL.RuleProperty.builder()
                .name("NoServiceEndpoints")
                .priority(1)
                .action(CfnWebACL.RuleActionProperty.builder()
                        .block(CfnWebACL.BlockActionProperty.builder().build())
                        .build())
                .statement(CfnWebACL.StatementProperty.builder()
                        .byteMatchStatement(CfnWebACL.ByteMatchStatementProperty.builder()
                                .fieldToMatch(CfnWebACL.FieldToMatchProperty.builder()
                                        .uriPath(java.util.Map.of())
                                        .build())
                                .positionalConstraint("CONTAINS")
                                .searchString("/q/")
                                .textTransformations(List.of(
                                        CfnWebACL.TextTransformationProperty.builder()
                                                .priority(0)
                                                .type("URL_DECODE")
                                                .build(),
                                        CfnWebACL.TextTransformationProperty.builder()
                                                .priority(1)
                                                .type("LOWERCASE")
                                                .build()))
                                .build())
                        .build())
                .visibilityConfig(visibility("NoServiceEndpoints"))
                .build();
    }

    private static CfnWebACL.RuleProperty managed(int priority, String name, List<String> countOnly) {
        CfnWebACL.ManagedRuleGroupStatementProperty.Builder group =
                CfnWebACL.ManagedRuleGroupStatementProperty.builder()
                        .vendorName("AWS")
                        .name(name);
        if (!countOnly.isEmpty()) {
            group.ruleActionOverrides(countOnly.stream()
                    .map(rule -> (Object) CfnWebACL.RuleActionOverrideProperty.builder()
                            .name(rule)
                            .actionToUse(CfnWebACL.RuleActionProperty.builder()
                                    .count(CfnWebACL.CountActionProperty.builder()
                                            .build())
                                    .build())
                            .build())
                    .toList());
        }
        return CfnWebACL.RuleProperty.builder()
                .name(name)
                .priority(priority)
                .overrideAction(CfnWebACL.OverrideActionProperty.builder()
                        .none(java.util.Map.of())
                        .build())
                .statement(CfnWebACL.StatementProperty.builder()
                        .managedRuleGroupStatement(group.build())
                        .build())
                .visibilityConfig(visibility(name))
                .build();
    }

    private static CfnWebACL.VisibilityConfigProperty visibility(String metric) {
        return CfnWebACL.VisibilityConfigProperty.builder()
                .cloudWatchMetricsEnabled(true)
                .metricName(metric)
                .sampledRequestsEnabled(true)
                .build();
    }

    CfnWebACL acl() {
        return acl;
    }
}
