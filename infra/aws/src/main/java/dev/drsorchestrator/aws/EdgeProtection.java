package dev.drsorchestrator.aws;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationLoadBalancer;
import software.amazon.awscdk.services.wafv2.CfnWebACL;
import software.amazon.awscdk.services.wafv2.CfnWebACLAssociation;
import software.constructs.Construct;

/**
 * AWS WAF on the entry point: a per-address rate limit and AWS's managed rule groups (common threats, known bad
 * inputs, IP reputation). The common rule group's body-size rule only counts: recovery plans and protection groups
 * with many servers are legitimately larger than its 8 KB, and the services bound and validate every body.
 */
final class EdgeProtection extends Construct {

    static final String BODY_SIZE_RULE = "SizeRestrictions_BODY";

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
        rules.add(managed(1, "AWSManagedRulesCommonRuleSet", List.of(BODY_SIZE_RULE)));
        rules.add(managed(2, "AWSManagedRulesKnownBadInputsRuleSet", List.of()));
        rules.add(managed(3, "AWSManagedRulesAmazonIpReputationList", List.of()));
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
