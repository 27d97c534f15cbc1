package dev.drsorchestrator.contracts.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LaunchSettingsTest {

    private static final LaunchSettings GROUP = new LaunchSettings(
            new LaunchConfiguration(false, true, null, null, RightSizingMethod.NONE, null),
            new LaunchTemplateSettings("m5.large", "subnet-b", List.of("sg-1", "sg-2"), null, Map.of("App", "shop")));

    @Test
    void aServerOverrideReplacesOnlyTheFieldsItSets() {
        LaunchSettings server = new LaunchSettings(
                new LaunchConfiguration(true, null, null, null, null, null),
                new LaunchTemplateSettings(null, null, List.of("sg-9"), "10.0.1.5", null));

        LaunchSettings merged = GROUP.overriddenBy(server);

        assertThat(merged.configuration())
                .isEqualTo(new LaunchConfiguration(true, true, null, null, RightSizingMethod.NONE, null));
        assertThat(merged.template())
                .isEqualTo(new LaunchTemplateSettings(
                        "m5.large", "subnet-b", List.of("sg-9"), "10.0.1.5", Map.of("App", "shop")));
        assertThat(GROUP.overriddenBy(null)).isEqualTo(GROUP);
        assertThat(LaunchSettings.UNMANAGED.managesNothing()).isTrue();
        assertThat(GROUP.managesNothing()).isFalse();
    }

    @Test
    void driftNamesEachManagedFieldThatDiffersAndIgnoresTheRest() {
        LaunchSettings observed = new LaunchSettings(
                new LaunchConfiguration(false, false, LaunchDisposition.STARTED, false, RightSizingMethod.NONE, true),
                new LaunchTemplateSettings(
                        "m5.large", "subnet-a", List.of("sg-2", "sg-1"), "10.0.1.9", Map.of("App", "shop", "X", "y")));

        List<LaunchDrift> drift = GROUP.driftOf(observed);

        assertThat(drift)
                .containsExactly(
                        new LaunchDrift("copyTags", "false", "true"),
                        new LaunchDrift("subnetId", "subnet-a", "subnet-b"));
        assertThat(drift.get(1).describe("s-1", "its group"))
                .isEqualTo("server s-1 would launch with subnetId subnet-a; its group says subnet-b");
        assertThat(LaunchSettings.UNMANAGED.driftOf(observed)).isEmpty();
    }

    @Test
    void subnetsContainOnlyAddressesInsideTheirBlock() {
        SubnetInfo subnet = new SubnetInfo("subnet-a", "vpc-1", "10.0.1.0/24", "us-east-1a", "production-a");

        assertThat(subnet.contains("10.0.1.0")).isTrue();
        assertThat(subnet.contains("10.0.1.255")).isTrue();
        assertThat(subnet.contains("10.0.2.1")).isFalse();
        assertThat(subnet.contains("10.0.1")).isFalse();
        assertThat(subnet.contains("10.0.1.256")).isFalse();
        assertThat(subnet.contains("not-an-ip")).isFalse();
        assertThat(new SubnetInfo("s", "v", "0.0.0.0/0", null, null).contains("192.168.1.1"))
                .isTrue();
        assertThat(new SubnetInfo("s", "v", "bad", null, null).contains("10.0.1.1"))
                .isFalse();
    }
}
