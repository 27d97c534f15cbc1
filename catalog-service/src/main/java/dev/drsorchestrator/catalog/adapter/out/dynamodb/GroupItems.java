package dev.drsorchestrator.catalog.adapter.out.dynamodb;

import static dev.drsorchestrator.kit.dynamo.Items.n;
import static dev.drsorchestrator.kit.dynamo.Items.s;
import static dev.drsorchestrator.kit.dynamo.Items.str;
import static dev.drsorchestrator.kit.dynamo.Items.strList;

import dev.drsorchestrator.catalog.domain.GroupDefinition;
import dev.drsorchestrator.catalog.domain.ProtectionGroup;
import dev.drsorchestrator.catalog.domain.TagSelector;
import dev.drsorchestrator.contracts.events.catalog.MembershipConflict;
import dev.drsorchestrator.contracts.ids.AccountId;
import dev.drsorchestrator.contracts.ids.ProtectionGroupId;
import dev.drsorchestrator.contracts.ids.SourceServerId;
import dev.drsorchestrator.kit.dynamo.Items;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Group items and their mapping to {@link ProtectionGroup}. */
final class GroupItems {

    static final String GROUP_SK = "GROUP";
    static final String KIND = "GROUP";
    /** The group's launch settings as JSON; absent while it manages none. */
    static final String LAUNCH = "launchSettings";

    private GroupItems() {}

    static Map<String, AttributeValue> key(ProtectionGroupId id) {
        return Map.of("pk", s(id.value()), "sk", s(GROUP_SK));
    }

    static Map<String, AttributeValue> toItem(ProtectionGroup g) {
        GroupDefinition d = g.definition();
        Map<String, AttributeValue> item = new HashMap<>(key(g.id()));
        item.put("kind", s(KIND));
        item.put("gsiScope", s(d.scope().key()));
        item.put("nameKey", s(d.nameKey()));
        item.put("name", s(d.name()));
        if (d.description() != null) {
            item.put("description", s(d.description()));
        }
        item.put("accountId", s(d.accountId().value()));
        item.put("region", s(d.region()));
        if (d.owner() != null) {
            item.put("owner", s(d.owner()));
        }
        item.put("explicit", Items.strings(ids(d.explicitServers())));
        Map<String, AttributeValue> selector = new TreeMap<>();
        d.selector().terms().forEach((k, v) -> selector.put(k, Items.strings(v)));
        item.put("selector", AttributeValue.fromM(selector));
        item.put("members", Items.strings(ids(g.members())));
        item.put(
                "conflicts",
                AttributeValue.fromL(g.conflicts().stream()
                        .map(c -> AttributeValue.fromM(Map.of(
                                "sourceServerId", s(c.sourceServerId().value()),
                                "heldBy", s(c.heldBy().value()),
                                "heldByName", s(c.heldByName()))))
                        .toList()));
        if (!g.launch().managesNothing()) {
            item.put(LAUNCH, s(LaunchJson.group(g.launch())));
        }
        item.put("version", n(g.version()));
        item.put("createdAt", s(g.createdAt().toString()));
        item.put("updatedAt", s(g.updatedAt().toString()));
        return item;
    }

    static ProtectionGroup fromItem(Map<String, AttributeValue> item) {
        Map<String, Set<String>> selector = new TreeMap<>();
        AttributeValue sel = item.get("selector");
        if (sel != null && sel.hasM()) {
            sel.m()
                    .forEach((k, v) -> selector.put(
                            k,
                            new TreeSet<>(v.l().stream().map(AttributeValue::s).toList())));
        }
        GroupDefinition definition = new GroupDefinition(
                Items.requiredStr(item, "name"),
                str(item, "description"),
                AccountId.of(Items.requiredStr(item, "accountId")),
                Items.requiredStr(item, "region"),
                str(item, "owner"),
                serverIds(strList(item, "explicit")),
                new TagSelector(selector));
        AttributeValue conflictsAttr = item.get("conflicts");
        List<MembershipConflict> conflicts = conflictsAttr == null || !conflictsAttr.hasL()
                ? List.of()
                : conflictsAttr.l().stream()
                        .map(c -> new MembershipConflict(
                                SourceServerId.of(c.m().get("sourceServerId").s()),
                                ProtectionGroupId.of(c.m().get("heldBy").s()),
                                c.m().get("heldByName").s()))
                        .toList();
        return new ProtectionGroup(
                ProtectionGroupId.of(Items.requiredStr(item, "pk")),
                definition,
                serverIds(strList(item, "members")),
                conflicts,
                LaunchJson.group(str(item, LAUNCH)),
                Items.num(item, "version", 0),
                Instant.parse(Items.requiredStr(item, "createdAt")),
                Instant.parse(Items.requiredStr(item, "updatedAt")));
    }

    private static List<String> ids(Set<SourceServerId> ids) {
        return ids.stream().map(SourceServerId::value).toList();
    }

    private static Set<SourceServerId> serverIds(List<String> values) {
        Set<SourceServerId> ids = new LinkedHashSet<>();
        values.forEach(v -> ids.add(SourceServerId.of(v)));
        return ids;
    }
}
