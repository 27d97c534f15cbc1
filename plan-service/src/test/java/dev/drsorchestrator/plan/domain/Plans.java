package dev.drsorchestrator.plan.domain;

import dev.drsorchestrator.contracts.ids.AccountId;
import dev.drsorchestrator.contracts.ids.PlanId;
import dev.drsorchestrator.contracts.ids.ProtectionGroupId;
import dev.drsorchestrator.contracts.ids.SourceServerId;
import dev.drsorchestrator.contracts.ids.WaveId;
import dev.drsorchestrator.contracts.model.DrillOptions;
import dev.drsorchestrator.contracts.model.FailurePolicy;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Domain test data: waves by order or dependencies, groups with members, plans around them. */
final class Plans {

    static final AccountId ACCOUNT = AccountId.of("111122223333");

    private Plans() {}

    static ProtectionGroupId groupId() {
        return ProtectionGroupId.of("pg-" + UUID.randomUUID());
    }

    static Wave ordered(String id, int order, ProtectionGroupId... groups) {
        return wave(id, order, null, groups);
    }

    static Wave after(String id, List<String> dependsOn, ProtectionGroupId... groups) {
        return wave(id, null, dependsOn.stream().map(WaveId::of).toList(), groups);
    }

    static Wave wave(String id, Integer order, List<WaveId> dependsOn, ProtectionGroupId... groups) {
        return new Wave(
                WaveId.of(id),
                id,
                order,
                dependsOn,
                Arrays.asList(groups),
                FailurePolicy.FAIL_FAST,
                Map.of(),
                false,
                0,
                60,
                List.of(),
                List.of());
    }

    static PlanDefinition definition(Wave... waves) {
        return new PlanDefinition("plan", null, 3600, 300, DrillOptions.defaults(), null, null, List.of(waves), null);
    }

    static RecoveryPlan plan(PlanDefinition definition) {
        Instant now = Instant.parse("2026-11-23T10:00:00Z");
        return new RecoveryPlan(PlanId.random(), definition, 3, now, "test", now, "test");
    }

    static CatalogGroup group(ProtectionGroupId id, String... members) {
        return new CatalogGroup(
                id,
                "group-" + id.value().substring(3, 11),
                ACCOUNT,
                "us-east-1",
                Arrays.stream(members).map(SourceServerId::of).toList(),
                List.of(),
                1,
                false);
    }

    static String server(int n) {
        return String.format("s-%017x", n);
    }
}
