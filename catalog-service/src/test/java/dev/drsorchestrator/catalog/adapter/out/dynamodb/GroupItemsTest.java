package dev.drsorchestrator.catalog.adapter.out.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drsorchestrator.catalog.domain.GroupDefinition;
import dev.drsorchestrator.catalog.domain.GroupLaunchSettings;
import dev.drsorchestrator.catalog.domain.ProtectionGroup;
import dev.drsorchestrator.catalog.domain.TagSelector;
import dev.drsorchestrator.contracts.events.catalog.MembershipConflict;
import dev.drsorchestrator.contracts.ids.AccountId;
import dev.drsorchestrator.contracts.ids.ProtectionGroupId;
import dev.drsorchestrator.contracts.ids.SourceServerId;
import dev.drsorchestrator.contracts.model.LaunchConfiguration;
import dev.drsorchestrator.contracts.model.LaunchDisposition;
import dev.drsorchestrator.contracts.model.LaunchSettings;
import dev.drsorchestrator.contracts.model.LaunchTemplateSettings;
import dev.drsorchestrator.contracts.model.RightSizingMethod;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GroupItemsTest {

    @Test
    void aGroupSurvivesTheRoundTripThroughItsItem() {
        SourceServerId a = SourceServerId.of("s-0000000000000000a");
        SourceServerId b = SourceServerId.of("s-0000000000000000b");
        ProtectionGroup group = new ProtectionGroup(
                ProtectionGroupId.random(),
                new GroupDefinition(
                        "Shop DB",
                        "the databases",
                        AccountId.of("111122223333"),
                        "eu-west-1",
                        "dba-team",
                        Set.of(a),
                        TagSelector.of(Map.of("Tier", List.of("db", "cache")))),
                Set.of(a, b),
                List.of(new MembershipConflict(
                        SourceServerId.of("s-0000000000000000c"), ProtectionGroupId.random(), "other")),
                new GroupLaunchSettings(
                        new LaunchSettings(
                                new LaunchConfiguration(
                                        true, null, LaunchDisposition.STARTED, null, RightSizingMethod.NONE, false),
                                new LaunchTemplateSettings(
                                        "m5.large",
                                        "subnet-0123456789abcdef0",
                                        List.of("sg-0123456789abcdef0"),
                                        null,
                                        Map.of("CostCentre", "42"))),
                        Map.of(
                                b,
                                new LaunchSettings(
                                        null, new LaunchTemplateSettings(null, null, null, "10.0.1.25", null)))),
                7,
                Instant.parse("2026-11-23T02:00:00Z"),
                Instant.parse("2026-11-23T03:00:00.123Z"));

        var item = GroupItems.toItem(group);

        assertThat(GroupItems.fromItem(item)).isEqualTo(group);
        assertThat(GroupItems.fromItem(item).launch().effective(b).template().privateIp())
                .isEqualTo("10.0.1.25");
        assertThat(item.get("nameKey").s()).isEqualTo("shop db");
        assertThat(item.get("gsiScope").s()).isEqualTo("111122223333#eu-west-1");
    }
}
