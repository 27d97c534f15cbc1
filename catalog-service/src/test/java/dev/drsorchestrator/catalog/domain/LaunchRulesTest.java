package dev.drsorchestrator.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drsorchestrator.contracts.ids.AccountId;
import dev.drsorchestrator.contracts.ids.ProtectionGroupId;
import dev.drsorchestrator.contracts.ids.SourceServerId;
import dev.drsorchestrator.contracts.model.LaunchConfiguration;
import dev.drsorchestrator.contracts.model.LaunchSettings;
import dev.drsorchestrator.contracts.model.LaunchTemplateSettings;
import dev.drsorchestrator.contracts.model.RightSizingMethod;
import dev.drsorchestrator.contracts.model.SecurityGroupInfo;
import dev.drsorchestrator.contracts.model.SubnetInfo;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LaunchRulesTest {

    static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");
    static final SourceServerId S1 = SourceServerId.of("s-00000000000000001");
    static final SourceServerId S2 = SourceServerId.of("s-00000000000000002");
    static final SourceServerId S3 = SourceServerId.of("s-00000000000000003");
    static final Scope SCOPE = new Scope(AccountId.of("111111111111"), "us-east-1");
    static final NetworkInventory NETWORK = new NetworkInventory(
            SCOPE,
            T0,
            List.of(
                    new SubnetInfo("subnet-0000000a", "vpc-a", "10.0.1.0/24", "us-east-1a", "app-a"),
                    new SubnetInfo("subnet-0000000b", "vpc-b", "10.9.0.0/24", "us-east-1b", null)),
            List.of(
                    new SecurityGroupInfo("sg-0000000a", "vpc-a", "app"),
                    new SecurityGroupInfo("sg-0000000b", "vpc-b", null)),
            List.of("m5.large", "t3.micro"));

    static ProtectionGroup group(String name, Set<SourceServerId> members, GroupLaunchSettings launch) {
        return new ProtectionGroup(
                ProtectionGroupId.random(),
                new GroupDefinition(name, null, SCOPE.accountId(), SCOPE.region(), null, members, TagSelector.NONE),
                members,
                List.of(),
                launch,
                1,
                T0,
                T0);
    }

    static LaunchSettings template(String type, String subnet, List<String> sgs, String ip) {
        return new LaunchSettings(null, new LaunchTemplateSettings(type, subnet, sgs, ip, null));
    }

    static LaunchSettings rightSizing(RightSizingMethod method, LaunchTemplateSettings t) {
        return new LaunchSettings(new LaunchConfiguration(null, null, null, null, method, null), t);
    }

    static List<LaunchProblem> check(
            ProtectionGroup g,
            LaunchSettings groupSettings,
            List<LaunchSettingsDraft.Entry> servers,
            List<ProtectionGroup> others) {
        List<ProtectionGroup> scope = new java.util.ArrayList<>(others);
        scope.add(g);
        return LaunchRules.check(
                new LaunchSettingsDraft(groupSettings, servers, List.of()), g, scope, Optional.of(NETWORK));
    }

    static LaunchSettingsDraft.Entry entry(int i, SourceServerId id, LaunchSettings s) {
        return new LaunchSettingsDraft.Entry(i, id, s);
    }

    @Test
    void validSettingsHaveNoProblemAndAServerOverridesTheGroupFieldByField() {
        ProtectionGroup g = group("app", Set.of(S1, S2), GroupLaunchSettings.NONE);
        LaunchSettings base = rightSizing(
                RightSizingMethod.NONE,
                new LaunchTemplateSettings("m5.large", "subnet-0000000a", List.of("sg-0000000a"), null, null));
        List<LaunchProblem> problems =
                check(g, base, List.of(entry(0, S1, template(null, null, null, "10.0.1.25"))), List.of());
        assertThat(problems).isEmpty();
        GroupLaunchSettings stored = LaunchRules.settings(new LaunchSettingsDraft(
                base, List.of(entry(0, S1, template(null, null, null, "10.0.1.25"))), List.of()));
        assertThat(stored.effective(S1).template())
                .isEqualTo(new LaunchTemplateSettings(
                        "m5.large", "subnet-0000000a", List.of("sg-0000000a"), "10.0.1.25", null));
        assertThat(stored.effective(S2).template().privateIp()).isNull();
    }

    @Test
    void everyRuleNamesItsField() {
        ProtectionGroup g = group("app", Set.of(S1, S2), GroupLaunchSettings.NONE);
        LaunchSettings base = rightSizing(
                RightSizingMethod.BASIC,
                new LaunchTemplateSettings(
                        "x9.huge", "subnet-0000000a", List.of("sg-0000000b", "sg-0000000c"), "10.0.1.7", null));
        List<LaunchProblem> problems = check(
                g,
                base,
                List.of(
                        entry(0, S3, template(null, null, null, null)),
                        entry(1, S1, template(null, null, null, "10.0.2.5")),
                        entry(2, S2, template(null, null, null, "10.0.1.255")),
                        entry(3, S2, template(null, null, null, "10.0.1.30"))),
                List.of());
        assertThat(problems)
                .extracting(LaunchProblem::field)
                .containsExactlyInAnyOrder(
                        "group.template.privateIp",
                        "servers[0].sourceServerId",
                        "servers[3].sourceServerId",
                        "group.template.instanceType",
                        "group.template.instanceType",
                        "group.template.securityGroupIds[0]",
                        "group.template.securityGroupIds[1]",
                        "servers[1].settings.template.privateIp",
                        "servers[2].settings.template.privateIp");
        assertThat(problems)
                .extracting(LaunchProblem::reason)
                .anySatisfy(r -> assertThat(r)
                        .contains("only when targetInstanceTypeRightSizingMethod is NONE")
                        .contains("BASIC"));
        assertThat(problems)
                .extracting(LaunchProblem::reason)
                .anySatisfy(r -> assertThat(r).contains("'x9.huge' is not offered in 111111111111/us-east-1"));
        assertThat(problems)
                .extracting(LaunchProblem::reason)
                .anySatisfy(r ->
                        assertThat(r).contains("sg-0000000b' is in vpc-b but subnet 'subnet-0000000a' is in vpc-a"));
        assertThat(problems)
                .extracting(LaunchProblem::reason)
                .anySatisfy(r -> assertThat(r).contains("sg-0000000c' does not exist"));
        assertThat(problems)
                .extracting(LaunchProblem::reason)
                .anySatisfy(r -> assertThat(r).contains("10.0.2.5 is outside subnet 'subnet-0000000a' (10.0.1.0/24)"));
        assertThat(problems)
                .extracting(LaunchProblem::reason)
                .anySatisfy(r -> assertThat(r).contains("10.0.1.255 is reserved by AWS"));
        assertThat(problems)
                .extracting(LaunchProblem::reason)
                .anySatisfy(r -> assertThat(r).contains("listed twice (also at servers[2])"));
    }

    @Test
    void aPrivateIpNeedsADottedQuadASubnetAndNoReservedAddress() {
        ProtectionGroup g = group("app", Set.of(S1, S2, S3), GroupLaunchSettings.NONE);
        List<LaunchProblem> problems = check(
                g,
                LaunchSettings.UNMANAGED,
                List.of(
                        entry(0, S1, template(null, null, null, "10.0.1.300")),
                        entry(1, S2, template(null, null, null, "10.0.1.20")),
                        entry(2, S3, template(null, "subnet-0000000a", null, "10.0.1.3"))),
                List.of());
        assertThat(problems)
                .containsExactly(
                        new LaunchProblem(
                                "servers[0].settings.template.privateIp",
                                "'10.0.1.300' is not a dotted-quad IPv4 address such as 10.0.1.25"),
                        new LaunchProblem(
                                "servers[1].settings.template.privateIp",
                                "a static private IP needs a subnetId (the group's or this server's template.subnetId)"
                                        + " that the address belongs to"),
                        new LaunchProblem(
                                "servers[2].settings.template.privateIp",
                                "10.0.1.3 is reserved by AWS in subnet 'subnet-0000000a' (10.0.1.0/24): the first four"
                                        + " addresses and the last one cannot be assigned"));
        assertThat(LaunchRules.reserved("10.0.1.4", "10.0.1.0/24")).isFalse();
        assertThat(LaunchRules.reserved("10.0.1.254", "10.0.1.0/24")).isFalse();
    }

    @Test
    void aPrivateIpIsUniqueInTheGroupAndAmongTheOtherGroupsOfTheAccountAndRegion() {
        ProtectionGroup other = group(
                "db",
                Set.of(S3),
                new GroupLaunchSettings(
                        template(null, "subnet-0000000a", null, null),
                        Map.of(S3, template(null, null, null, "10.0.1.40"))));
        ProtectionGroup g = group("app", Set.of(S1, S2), GroupLaunchSettings.NONE);
        List<LaunchProblem> problems = check(
                g,
                template(null, "subnet-0000000a", null, null),
                List.of(
                        entry(0, S1, template(null, null, null, "10.0.1.40")),
                        entry(1, S2, template(null, null, null, "10.0.1.40"))),
                List.of(other));
        assertThat(problems)
                .extracting(LaunchProblem::field, LaunchProblem::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "servers[0].settings.template.privateIp",
                                "10.0.1.40 is already the private IP of server " + S3 + " in group 'db' (" + other.id()
                                        + ") in 111111111111/us-east-1; each server needs its own address"),
                        org.assertj.core.groups.Tuple.tuple(
                                "servers[1].settings.template.privateIp",
                                "10.0.1.40 is also the private IP of servers[0] (" + S1
                                        + "); each server needs its own address"));
    }

    @Test
    void withoutTheNetworkEveryFieldThatNeedsItSaysWhatToDo() {
        ProtectionGroup g = group("app", Set.of(S1), GroupLaunchSettings.NONE);
        List<LaunchProblem> problems = LaunchRules.check(
                new LaunchSettingsDraft(
                        rightSizing(
                                RightSizingMethod.NONE,
                                new LaunchTemplateSettings("m5.large", "subnet-0000000a", null, null, null)),
                        List.of(entry(0, S1, template(null, null, null, "10.0.1.20"))),
                        List.of()),
                g,
                List.of(g),
                Optional.empty());
        String hint = "drs-adapter has not synced the network of 111111111111/us-east-1 yet; check drs-adapter can"
                + " reach the account, then retry";
        assertThat(problems)
                .containsExactly(
                        new LaunchProblem("group.template.instanceType", hint),
                        new LaunchProblem("group.template.subnetId", hint),
                        new LaunchProblem("servers[0].settings.template.privateIp", hint));
        assertThat(LaunchRules.check(
                        new LaunchSettingsDraft(
                                new LaunchSettings(new LaunchConfiguration(true, true, null, null, null, null), null),
                                List.of(),
                                List.of()),
                        g,
                        List.of(g),
                        Optional.empty()))
                .as("configuration alone needs no network")
                .isEmpty();
    }

    @Test
    void aServerThatOverridesTheRightSizingMethodIsNamedWhenItMakesTheGroupsInstanceTypeIgnored() {
        ProtectionGroup g = group("app", Set.of(S1), GroupLaunchSettings.NONE);
        List<LaunchProblem> problems = check(
                g,
                rightSizing(RightSizingMethod.NONE, new LaunchTemplateSettings("m5.large", null, null, null, null)),
                List.of(entry(0, S1, rightSizing(RightSizingMethod.IN_AWS, null))),
                List.of());
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("servers[0].settings.configuration.targetInstanceTypeRightSizingMethod");
            assertThat(p.reason()).contains("IN_AWS for server " + S1).contains("would ignore instanceType 'm5.large'");
        });
    }
}
