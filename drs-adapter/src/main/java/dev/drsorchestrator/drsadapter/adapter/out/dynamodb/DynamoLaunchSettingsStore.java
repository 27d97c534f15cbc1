package dev.drsorchestrator.drsadapter.adapter.out.dynamodb;

import static dev.drsorchestrator.kit.dynamo.Items.s;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drsorchestrator.contracts.ids.ProtectionGroupId;
import dev.drsorchestrator.contracts.ids.SourceServerId;
import dev.drsorchestrator.drsadapter.domain.Consumed;
import dev.drsorchestrator.drsadapter.domain.LaunchSettingsStore;
import dev.drsorchestrator.drsadapter.domain.Outgoing;
import dev.drsorchestrator.kit.dynamo.Items;
import dev.drsorchestrator.kit.dynamo.StateJson;
import dev.drsorchestrator.kit.dynamo.Transaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Launch settings in drs-adapter's table: {@code LSGROUP#<group>} (the version applied and its members),
 * {@code LSWANT#<server>} (what the server should launch with) and {@code LSOVERRIDE#<server>} (a template switched
 * to a drill network; {@code open=LSOVERRIDE} lists them).
 */
@ApplicationScoped
class DynamoLaunchSettingsStore implements LaunchSettingsStore {

    private static final ObjectMapper MAPPER = StateJson.mapper();
    /** Items one transaction writes at most besides the group, its events and the processed marker. */
    private static final int ITEMS_PER_TX = 80;

    private final TableAccess t;

    DynamoLaunchSettingsStore(TableAccess table) {
        this.t = table;
    }

    @Override
    public Optional<GroupState> group(ProtectionGroupId group) {
        return Optional.ofNullable(t.get("LSGROUP#" + group.value())).map(i -> read(i, GroupState.class));
    }

    @Override
    public void saveGroup(
            GroupState state,
            List<Desired> desired,
            List<SourceServerId> removed,
            List<Outgoing> events,
            Consumed consumed) {
        List<TransactWriteItem> writes = new ArrayList<>();
        for (Desired d : desired) {
            writes.add(put(item("LSWANT#" + d.server().value(), "LSWANT", d)));
        }
        for (SourceServerId r : removed) {
            writes.add(delete("LSWANT#" + r.value()));
        }
        // Members' settings first, in as many transactions as they need; the group state, the events and the
        // processed marker last: a crash in between applies the whole group again on redelivery.
        int i = 0;
        while (writes.size() - i > ITEMS_PER_TX) {
            Transaction tx = new Transaction();
            for (TransactWriteItem w : writes.subList(i, i + ITEMS_PER_TX)) {
                tx.write("launch-settings", w);
            }
            t.commit(tx, List.of(), null);
            i += ITEMS_PER_TX;
        }
        Transaction last = new Transaction();
        for (TransactWriteItem w : writes.subList(i, writes.size())) {
            last.write("launch-settings", w);
        }
        last.write("group", put(item("LSGROUP#" + state.groupId().value(), "LSGROUP", state)));
        t.commit(last, events, consumed);
    }

    @Override
    public Map<SourceServerId, Desired> desired(Collection<SourceServerId> servers) {
        Map<SourceServerId, Desired> out = new HashMap<>();
        t.getAll(servers.stream().map(s -> "LSWANT#" + s.value()).toList()).stream()
                .map(i -> read(i, Desired.class))
                .forEach(d -> out.put(d.server(), d));
        return out;
    }

    @Override
    public Optional<TemplateOverride> override(SourceServerId server) {
        return Optional.ofNullable(t.get(overrideKey(server))).map(i -> read(i, TemplateOverride.class));
    }

    @Override
    public List<TemplateOverride> overrides() {
        return t.queryAll(t.open("LSOVERRIDE")).stream()
                .map(i -> read(i, TemplateOverride.class))
                .toList();
    }

    @Override
    public void putOverride(TemplateOverride override) {
        Map<String, AttributeValue> item = item(overrideKey(override.server()), "LSOVERRIDE", override);
        item.put("open", s("LSOVERRIDE"));
        item.put(
                "queueKey",
                s(override.at().toEpochMilli() + "#" + override.server().value()));
        t.commit(new Transaction().write("override", put(item)), List.of(), null);
    }

    @Override
    public void removeOverride(SourceServerId server) {
        t.commit(new Transaction().write("override", delete(overrideKey(server))), List.of(), null);
    }

    private static String overrideKey(SourceServerId server) {
        return "LSOVERRIDE#" + server.value();
    }

    private static Map<String, AttributeValue> item(String pk, String kind, Object doc) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s(pk));
        item.put("kind", s(kind));
        try {
            item.put("doc", s(MAPPER.writeValueAsString(doc)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store " + kind, e);
        }
        return item;
    }

    private TransactWriteItem put(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder()
                .put(Put.builder().tableName(t.table()).item(item).build())
                .build();
    }

    private TransactWriteItem delete(String pk) {
        return TransactWriteItem.builder()
                .delete(Delete.builder()
                        .tableName(t.table())
                        .key(Map.of("pk", s(pk)))
                        .build())
                .build();
    }

    private static <T> T read(Map<String, AttributeValue> item, Class<T> type) {
        try {
            return MAPPER.readValue(Items.requiredStr(item, "doc"), type);
        } catch (IOException e) {
            throw new UncheckedIOException("stored " + type.getSimpleName() + " is unreadable: " + e.getMessage(), e);
        }
    }
}
