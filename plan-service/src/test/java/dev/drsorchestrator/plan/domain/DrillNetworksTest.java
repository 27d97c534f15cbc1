package dev.drsorchestrator.plan.domain;

import static dev.drsorchestrator.plan.domain.Plans.ordered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drsorchestrator.contracts.events.plan.ExecutionRequested;
import dev.drsorchestrator.contracts.ids.AccountId;
import dev.drsorchestrator.contracts.ids.ExecutionId;
import dev.drsorchestrator.contracts.ids.ProtectionGroupId;
import dev.drsorchestrator.contracts.ids.SourceServerId;
import dev.drsorchestrator.contracts.model.DrillNetwork;
import dev.drsorchestrator.contracts.model.DrillOptions;
import dev.drsorchestrator.contracts.model.ExecutionType;
import dev.drsorchestrator.contracts.model.LaunchConfiguration;
import dev.drsorchestrator.contracts.model.LaunchSettings;
import dev.drsorchestrator.contracts.model.LaunchTemplateSettings;
import dev.drsorchestrator.contracts.model.ReplicationState;
import dev.drsorchestrator.contracts.model.SecurityGroupInfo;
import dev.drsorchestrator.contracts.model.ServerLaunchSettings;
import dev.drsorchestrator.contracts.model.SubnetInfo;
import dev.drsorchestrator.contracts.model.Trigger;
import dev.drsorchestrator.plan.domain.PreflightReport.LaunchFinding;
import dev.drsorchestrator.plan.domain.PreflightReport.LaunchFinding.Check;
import dev.drsorchestrator.plan.domain.PreflightReport.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Drill network rules, the launch checks of preflight, and what a DRILL carries. */
class DrillNetworksTest {

    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    static final AccountId ACCOUNT = AccountId.of("111111111111");
    static final AccountId OTHER = AccountId.of("222222222222");
    static final NetworkScope EAST = new NetworkScope(ACCOUNT, "us-east-1");
    static final NetworkScope WEST = new NetworkScope(ACCOUNT, "us-west-2");

    final ProtectionGroupId dbId = Plans.groupId();
    final SourceServerId db1 = SourceServerId.of(Plans.server(1));
    final SourceServerId db2 = SourceServerId.of(Plans.server(2));

    /** Production: subnet-prod (vpc-prod, 10.0.1.0/24); drill: subnet-drill (vpc-drill, 10.99.0.0/24). */
    static NetworkInventory inventory(NetworkScope scope) {
        return new NetworkInventory(
                scope,
                NOW,
                List.of(
                        new SubnetInfo("subnet-prod", "vpc-prod", "10.0.1.0/24", null, null),
                        new SubnetInfo("subnet-prod-b", "vpc-prod", "10.0.2.0/24", null, null),
                        new SubnetInfo("subnet-drill", "vpc-drill", "10.99.0.0/24", null, null)),
                List.of(
                        new SecurityGroupInfo("sg-prod", "vpc-prod", null),
                        new SecurityGroupInfo("sg-drill", "vpc-drill", null)));
    }

    static LaunchSettings template(String subnet, String privateIp) {
        return new LaunchSettings(
                LaunchConfiguration.UNMANAGED, new LaunchTemplateSettings(null, subnet, null, privateIp, null));
    }

    /** Group db (account 111111111111, us-east-1) wants subnet-prod; db2 overrides a static IP. */
    CatalogGroup db() {
        return new CatalogGroup(
                dbId,
                "db",
                ACCOUNT,
                "us-east-1",
                List.of(db1, db2),
                List.of(),
                1,
                false,
                template("subnet-prod", null),
                List.of(new ServerLaunchSettings(db2, template(null, "10.0.1.20"))));
    }

    ServerStatus observed(SourceServerId id, String subnet) {
        return new ServerStatus(
                id, "h", ReplicationState.CONTINUOUS, 5L, NOW, subnet == null ? null : template(subnet, null));
    }

    static DrillNetwork network(NetworkScope scope, String subnet, String... groups) {
        return new DrillNetwork(scope.accountId(), scope.region(), subnet, List.of(groups));
    }

    PlanDefinition plan(DrillNetwork... networks) {
        return new PlanDefinition(
                "plan",
                null,
                null,
                null,
                DrillOptions.defaults(),
                null,
                null,
                List.of(ordered("db", 1, dbId)),
                null,
                List.of(networks));
    }

    List<PlanServer> servers(Map<SourceServerId, ServerStatus> observed) {
        return PlanServer.of(plan(), Map.of(dbId, db()), observed);
    }

    @Test
    void anIsolatedDrillNetworkIsValid() {
        assertThat(DrillNetworkRules.check(
                        List.of(network(EAST, "subnet-drill", "sg-drill")),
                        servers(Map.of(db1, observed(db1, "subnet-prod"))),
                        Map.of(EAST, inventory(EAST))))
                .isEmpty();
    }

    @Test
    void everyRuleIsReportedAtOnceWithItsField() {
        NetworkScope unsynced = new NetworkScope(OTHER, "eu-west-1");
        List<DrillNetwork> networks = List.of(
                network(EAST, "subnet-prod-b", "sg-gone", "sg-prod", "sg-drill"),
                network(EAST, "subnet-gone"),
                network(unsynced, "subnet-x", "sg-x"),
                network(WEST, "subnet-prod", "sg-prod"));

        Map<String, String> errors = DrillNetworkRules.check(
                        networks,
                        servers(Map.of(db1, observed(db1, "subnet-prod-b"), db2, observed(db2, null))),
                        Map.of(EAST, inventory(EAST), WEST, inventory(WEST)))
                .stream()
                .collect(Collectors.toMap(Violation::field, Violation::reason, (a, b) -> a + " | " + b));

        assertThat(errors)
                .containsOnlyKeys(
                        "drillNetworks[0].securityGroupIds[0]",
                        "drillNetworks[0].securityGroupIds[2]",
                        "drillNetworks[0].subnetId",
                        "drillNetworks[1]",
                        "drillNetworks[1].securityGroupIds",
                        "drillNetworks[1].subnetId",
                        "drillNetworks[2]");
        assertThat(errors.get("drillNetworks[0].securityGroupIds[0]"))
                .startsWith("security group sg-gone is not in the network of 111111111111/us-east-1");
        assertThat(errors.get("drillNetworks[0].securityGroupIds[2]"))
                .isEqualTo("security group sg-drill is in vpc-drill but subnet subnet-prod-b is in vpc-prod; a drill"
                        + " network's security groups must be in its subnet's VPC");
        assertThat(errors.get("drillNetworks[0].subnetId"))
                .isEqualTo("subnet subnet-prod-b is a production subnet of the plan's servers (server " + db1
                        + " would launch into it (its launch template)); a drill network must be isolated from"
                        + " production: choose a subnet of an isolated VPC");
        assertThat(errors.get("drillNetworks[1]"))
                .startsWith("111111111111/us-east-1 already has a drill network at drillNetworks[0]");
        assertThat(errors.get("drillNetworks[1].securityGroupIds")).contains("at least one security group");
        assertThat(errors.get("drillNetworks[1].subnetId"))
                .startsWith("subnet subnet-gone is not in the network of 111111111111/us-east-1");
        assertThat(errors.get("drillNetworks[2]"))
                .isEqualTo("drs-adapter has not synced the network of 222222222222/eu-west-1 yet; check drs-adapter"
                        + " can reach the account, then retry");
    }

    @Test
    void theSubnetAGroupNamesForItsServersIsProductionTooAndTheRefusalNamesTheServers() {
        List<Violation> violations = DrillNetworkRules.check(
                List.of(network(EAST, "subnet-prod", "sg-prod")), servers(Map.of()), Map.of(EAST, inventory(EAST)));

        assertThat(violations)
                .containsExactly(new Violation(
                        "drillNetworks[0].subnetId",
                        "subnet subnet-prod is a production subnet of the plan's servers (server " + db1
                                + "'s group 'db' names it; server " + db2 + "'s group 'db' names it); a drill"
                                + " network must be isolated from production: choose a subnet of an isolated VPC"));
    }

    List<LaunchFinding> checks(
            PlanDefinition plan,
            Map<SourceServerId, ServerStatus> observed,
            NetworkInventory inventory,
            ExecutionType type) {
        return LaunchChecks.run(plan, PlanServer.of(plan, Map.of(dbId, db()), observed), Map.of(EAST, inventory), type);
    }

    @Test
    void driftIsOneWarningPerFieldAndGoesWhenWhatTheServerWouldLaunchWithMatches() {
        PlanDefinition plan = plan(network(EAST, "subnet-drill", "sg-drill"));

        List<LaunchFinding> drifting =
                checks(plan, Map.of(db1, observed(db1, "subnet-prod-b")), inventory(EAST), ExecutionType.RECOVERY);
        List<LaunchFinding> matching =
                checks(plan, Map.of(db1, observed(db1, "subnet-prod")), inventory(EAST), ExecutionType.RECOVERY);

        assertThat(drifting)
                .extracting(LaunchFinding::severity, LaunchFinding::check, LaunchFinding::sourceServerId)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Severity.WARNING, Check.LAUNCH_DRIFT, db1.value()));
        assertThat(drifting.get(0).detail())
                .startsWith("server " + db1 + " would launch with subnetId subnet-prod-b; its group 'db' says"
                        + " subnet-prod: drs-adapter re-applies the group's launch settings before the wave launches");
        assertThat(matching).isEmpty();
        assertThat(checks(plan, Map.of(db1, observed(db1, "subnet-prod-b")), inventory(EAST), ExecutionType.FAILBACK))
                .isEmpty();
    }

    @Test
    void withoutADrillNetworkADrillWarnsAndWithoutATypeItIsInformation() {
        assertThat(checks(plan(), Map.of(), inventory(EAST), ExecutionType.DRILL))
                .extracting(LaunchFinding::severity, LaunchFinding::check, LaunchFinding::detail)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        Severity.WARNING,
                        Check.NO_DRILL_NETWORK,
                        "drills of this plan launch the servers of 111111111111/us-east-1 with their production"
                                + " launch settings: no drill network is set for it; add one to the plan's"
                                + " drillNetworks to keep drills off the production network"));
        assertThat(checks(plan(), Map.of(), inventory(EAST), null))
                .extracting(LaunchFinding::severity)
                .containsExactly(Severity.INFORMATION);
        assertThat(checks(plan(), Map.of(), inventory(EAST), ExecutionType.RECOVERY))
                .isEmpty();
    }

    @Test
    void aDrillNetworkGoneFromTheInventoryBlocksADrillAndItsStartUntilItIsBack() {
        PlanDefinition plan = plan(network(EAST, "subnet-drill", "sg-drill"));
        NetworkInventory without = new NetworkInventory(
                EAST,
                NOW.plusSeconds(60),
                List.of(new SubnetInfo("subnet-prod", "vpc-prod", "10.0.1.0/24", null, null)),
                List.of(new SecurityGroupInfo("sg-prod", "vpc-prod", null)));

        List<LaunchFinding> gone = checks(plan, Map.of(), without, ExecutionType.DRILL);

        assertThat(gone)
                .extracting(LaunchFinding::severity, LaunchFinding::check)
                .containsOnly(org.assertj.core.groups.Tuple.tuple(Severity.ERROR, Check.DRILL_NETWORK_GONE));
        assertThat(gone)
                .extracting(LaunchFinding::detail)
                .containsExactly(
                        "drill network of 111111111111/us-east-1 (drillNetworks[0]): subnet subnet-drill is no longer"
                                + " in the network drs-adapter synced at 2026-11-23T10:01:00Z; drills cannot launch"
                                + " there: set another one in the plan's drillNetworks",
                        "drill network of 111111111111/us-east-1 (drillNetworks[0]): security group sg-drill is no"
                                + " longer in the network drs-adapter synced at 2026-11-23T10:01:00Z; drills cannot"
                                + " launch there: set another one in the plan's drillNetworks");
        assertThat(checks(plan, Map.of(), without, null))
                .extracting(LaunchFinding::severity)
                .containsOnly(Severity.WARNING);
        assertThat(checks(plan, Map.of(), inventory(EAST), ExecutionType.DRILL))
                .noneMatch(f -> f.check() == Check.DRILL_NETWORK_GONE);

        RecoveryPlan stored = Plans.plan(plan);
        Map<ProtectionGroupId, CatalogGroup> groups = Map.of(dbId, db());
        assertThatThrownBy(() -> ExecutionSnapshot.of(
                        stored, request(stored, ExecutionType.DRILL), groups, Map.of(), Map.of(EAST, without)))
                .isInstanceOf(PlanCannotRun.class)
                .hasMessageContaining("subnet subnet-drill is no longer in the network");
        assertThat(ExecutionSnapshot.of(
                                stored,
                                request(stored, ExecutionType.RECOVERY),
                                groups,
                                Map.of(),
                                Map.of(EAST, without))
                        .drillNetworks())
                .isEmpty();
        ExecutionRequested drill = ExecutionSnapshot.of(
                stored, request(stored, ExecutionType.DRILL), groups, Map.of(), Map.of(EAST, inventory(EAST)));
        assertThat(drill.drillNetworks()).containsExactly(network(EAST, "subnet-drill", "sg-drill"));
    }

    @Test
    void aDrillSubnetInTheVpcOfProductionWarnsAndAStaticIpOutsideItIsInformation() {
        NetworkInventory sameVpc = new NetworkInventory(
                EAST,
                NOW,
                List.of(
                        new SubnetInfo("subnet-prod", "vpc-prod", "10.0.1.0/24", null, null),
                        new SubnetInfo("subnet-side", "vpc-prod", "10.0.9.0/24", null, null)),
                List.of(new SecurityGroupInfo("sg-prod", "vpc-prod", null)));
        PlanDefinition plan = plan(network(EAST, "subnet-side", "sg-prod"));

        List<LaunchFinding> findings = checks(plan, Map.of(), sameVpc, ExecutionType.DRILL);

        assertThat(findings)
                .extracting(LaunchFinding::severity, LaunchFinding::check, LaunchFinding::sourceServerId)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                Severity.WARNING, Check.DRILL_NETWORK_NOT_ISOLATED, db1.value()),
                        org.assertj.core.groups.Tuple.tuple(
                                Severity.INFORMATION, Check.STATIC_IP_OUTSIDE_DRILL_SUBNET, db2.value()));
        assertThat(findings.get(0).detail())
                .isEqualTo("drill network of 111111111111/us-east-1 (drillNetworks[0]) is not isolated: same VPC"
                        + " vpc-prod as production (server " + db1 + " launches into subnet-prod); use a subnet of a"
                        + " VPC without a route to production");
        assertThat(findings.get(1).detail())
                .isEqualTo("the drill launches server " + db2 + " without its static IP 10.0.1.20: it is not inside"
                        + " drill subnet subnet-side (10.0.9.0/24); the drill instance gets an address of the drill"
                        + " subnet");
        assertThat(checks(plan(network(EAST, "subnet-drill", "sg-drill")), Map.of(), inventory(EAST), null))
                .extracting(LaunchFinding::check)
                .containsExactly(Check.STATIC_IP_OUTSIDE_DRILL_SUBNET);
    }

    @Test
    void preflightFilesEachFindingBySeverity() {
        NetworkInventory without = new NetworkInventory(EAST, NOW, List.of(), List.of());
        RecoveryPlan stored = Plans.plan(plan(network(EAST, "subnet-drill", "sg-drill")));
        Map<SourceServerId, ServerStatus> observed =
                Map.of(db1, observed(db1, "subnet-prod-b"), db2, observed(db2, "subnet-prod"));

        PreflightReport report = Preflight.run(
                stored,
                ExecutionType.DRILL,
                Map.of(dbId, db()),
                observed,
                Map.of(EAST, without),
                PreflightTest.DRS,
                NOW);

        assertThat(report.type()).isEqualTo(ExecutionType.DRILL);
        assertThat(report.canRun()).isFalse();
        assertThat(report.blockers()).hasSize(2).allMatch(b -> b.contains("is no longer in the network"));
        assertThat(report.warnings()).anyMatch(w -> w.startsWith("server " + db1 + " would launch with subnetId"));
        assertThat(report.launchChecks())
                .extracting(LaunchFinding::check)
                .containsExactly(
                        Check.LAUNCH_DRIFT, Check.LAUNCH_DRIFT, Check.DRILL_NETWORK_GONE, Check.DRILL_NETWORK_GONE);
        assertThat(Preflight.run(
                                stored,
                                ExecutionType.RECOVERY,
                                Map.of(dbId, db()),
                                observed,
                                Map.of(EAST, without),
                                PreflightTest.DRS,
                                NOW)
                        .canRun())
                .isTrue();
    }

    static ExecutionSnapshot.Request request(RecoveryPlan plan, ExecutionType type) {
        return new ExecutionSnapshot.Request(
                ExecutionId.random(),
                type,
                Trigger.user(),
                "alice",
                null,
                RequiredApprovals.forType(plan.definition(), type),
                null,
                NOW);
    }
}
