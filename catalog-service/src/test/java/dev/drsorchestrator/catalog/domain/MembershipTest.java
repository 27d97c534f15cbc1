package dev.drsorchestrator.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drsorchestrator.contracts.ids.AccountId;
import dev.drsorchestrator.contracts.ids.ProtectionGroupId;
import dev.drsorchestrator.contracts.ids.SourceServerId;
import dev.drsorchestrator.contracts.model.LaunchSettings;
import dev.drsorchestrator.contracts.model.LaunchTemplateSettings;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MembershipTest {

    static final Instant T0 = Instant.parse("2026-11-23T02:00:00Z");
    static final SourceServerId S1 = SourceServerId.of("s-00000000000000001");
    static final SourceServerId S2 = SourceServerId.of("s-00000000000000002");

    static ProtectionGroup group(
            String name,
            int createdSecond,
            Set<SourceServerId> explicit,
            TagSelector selector,
            Set<SourceServerId> members) {
        GroupDefinition d =
                new GroupDefinition(name, null, AccountId.of("111122223333"), "us-east-1", null, explicit, selector);
        return new ProtectionGroup(
                ProtectionGroupId.random(),
                d,
                members,
                List.of(),
                GroupLaunchSettings.NONE,
                1,
                T0.plusSeconds(createdSecond),
                T0);
    }

    static TagSelector tier(String value) {
        return TagSelector.of(Map.of("Tier", List.of(value)));
    }

    @Test
    void anUnheldServerGoesToTheOldestGroupWhoseSelectorMatchesAndTheOthersRecordAConflict() {
        ProtectionGroup older = group("older", 1, Set.of(), tier("db"), Set.of());
        ProtectionGroup newer = group("newer", 2, Set.of(), tier("db"), Set.of());
        Membership.Result r = Membership.reconcile(
                List.of(newer, older), List.of(new ServerFacts(S1, Map.of("Tier", "db"), null)), null, T0);

        assertThat(r.assignments()).containsEntry(S1, Optional.of(older.id()));
        assertThat(r.changed().get(older.id()).members()).containsExactly(S1);
        assertThat(r.changed().get(older.id()).version()).isEqualTo(2);
        assertThat(r.changed().get(newer.id()).conflicts())
                .singleElement()
                .satisfies(c -> assertThat(c.heldBy()).isEqualTo(older.id()));
        assertThat(r.refused()).isEmpty();
    }

    @Test
    void aHolderKeepsItsServerWhileItStillWantsItAndThePreferredGroupIsRefused() {
        ProtectionGroup holder = group("holder", 1, Set.of(S1), TagSelector.NONE, Set.of(S1));
        ProtectionGroup wanting = group("wanting", 2, Set.of(S1), TagSelector.NONE, Set.of());
        Membership.Result r = Membership.reconcile(
                List.of(holder, wanting), List.of(new ServerFacts(S1, Map.of(), holder.id())), wanting.id(), T0);

        assertThat(r.assignments()).isEmpty();
        assertThat(r.refused()).singleElement().satisfies(c -> {
            assertThat(c.sourceServerId()).isEqualTo(S1);
            assertThat(c.heldByName()).isEqualTo("holder");
        });
    }

    @Test
    void aServerWhoseTagsNoLongerMatchLeavesItsSelectorGroupForAnotherThatMatches() {
        ProtectionGroup db = group("db", 1, Set.of(), tier("db"), Set.of(S1));
        ProtectionGroup web = group("web", 2, Set.of(), tier("web"), Set.of());
        Membership.Result r = Membership.reconcile(
                List.of(db, web), List.of(new ServerFacts(S1, Map.of("Tier", "web"), db.id())), null, T0);

        assertThat(r.assignments()).containsEntry(S1, Optional.of(web.id()));
        assertThat(r.changed().get(db.id()).members()).isEmpty();
        assertThat(r.changed().get(web.id()).members()).containsExactly(S1);
    }

    @Test
    void aServerThatLeavesAGroupTakesItsLaunchOverrideWithItAndTheGroupKeepsItsOwnSettings() {
        LaunchSettings groupSettings =
                new LaunchSettings(null, new LaunchTemplateSettings("m5.large", null, null, null, null));
        LaunchSettings s1Override =
                new LaunchSettings(null, new LaunchTemplateSettings(null, null, null, "10.0.0.9", null));
        LaunchSettings s2Override =
                new LaunchSettings(null, new LaunchTemplateSettings(null, null, null, "10.0.0.10", null));
        ProtectionGroup db = group("db", 1, Set.of(S2), tier("db"), Set.of(S1, S2))
                .withLaunch(new GroupLaunchSettings(groupSettings, Map.of(S1, s1Override, S2, s2Override)), 2, T0);
        ProtectionGroup web = group("web", 2, Set.of(), tier("web"), Set.of());
        Membership.Result r = Membership.reconcile(
                List.of(db, web), List.of(new ServerFacts(S1, Map.of("Tier", "web"), db.id())), null, T0);

        GroupLaunchSettings after = r.changed().get(db.id()).launch();
        assertThat(after.group()).isEqualTo(groupSettings);
        assertThat(after.servers()).containsOnlyKeys(S2);
        assertThat(r.changed().get(web.id()).launch()).isEqualTo(GroupLaunchSettings.NONE);
    }

    @Test
    void aPreferredGroupTakesAnUnheldServerBeforeAnOlderOne() {
        ProtectionGroup older = group("older", 1, Set.of(), tier("db"), Set.of());
        ProtectionGroup preferred = group("preferred", 2, Set.of(S2), TagSelector.NONE, Set.of());
        Membership.Result r = Membership.reconcile(
                List.of(older, preferred),
                List.of(new ServerFacts(S2, Map.of("Tier", "db"), null)),
                preferred.id(),
                T0);

        assertThat(r.assignments()).containsEntry(S2, Optional.of(preferred.id()));
        assertThat(r.refused()).isEmpty();
        assertThat(r.changed().get(older.id()).conflicts()).hasSize(1);
    }

    @Test
    void serversOfADeletedGroupAreReleasedWhenNobodyElseWantsThem() {
        ProtectionGroup deleted = group("gone", 1, Set.of(S1), TagSelector.NONE, Set.of(S1));
        Membership.Result r =
                Membership.reconcile(List.of(), List.of(new ServerFacts(S1, Map.of(), deleted.id())), null, T0);
        assertThat(r.assignments()).containsEntry(S1, Optional.empty());
        assertThat(r.changed()).isEmpty();
    }

    @Test
    void nothingChangesWhenTheHolderStillWantsItsServer() {
        ProtectionGroup db = group("db", 1, Set.of(), tier("db"), Set.of(S1));
        Membership.Result r = Membership.reconcile(
                List.of(db), List.of(new ServerFacts(S1, Map.of("Tier", "db"), db.id())), null, T0);
        assertThat(r.assignments()).isEmpty();
        assertThat(r.changed()).isEmpty();
    }

    @Test
    void aSelectorNeedsEveryKeyWithOneOfItsValues() {
        TagSelector selector = TagSelector.of(Map.of("Tier", List.of("db", "cache"), "App", List.of("shop")));
        assertThat(selector.matches(Map.of("Tier", "cache", "App", "shop", "Env", "prod")))
                .isTrue();
        assertThat(selector.matches(Map.of("Tier", "db"))).isFalse();
        assertThat(selector.matches(Map.of("Tier", "web", "App", "shop"))).isFalse();
        assertThat(TagSelector.NONE.matches(Map.of("Tier", "db"))).isFalse();
    }
}
