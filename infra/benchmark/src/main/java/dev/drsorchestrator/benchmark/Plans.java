package dev.drsorchestrator.benchmark;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.local.DevstackAdmin.Server;
import dev.drsorchestrator.local.Estate;
import dev.drsorchestrator.local.Rest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The estates the scenarios recover, made as a DR engineer makes them: servers in the DRS simulator, synced into the
 * catalog by drs-adapter, one protection group per wave and account, and a plan whose waves run one after the other
 * (each wave's order is one more than the last, so it starts when the one before it ended).
 */
public final class Plans {

    private final Harness h;

    public Plans(Harness h) {
        this.h = h;
    }

    /** A plan as made: its id, and the servers of each wave (wave 1 first). */
    public record Plan(String id, String name, List<List<String>> waves, List<String> groupIds) {

        public int servers() {
            return waves.stream().mapToInt(List::size).sum();
        }

        /** The wave (0-based) a server is in, or -1. */
        public int waveOf(String serverId) {
            for (int i = 0; i < waves.size(); i++) {
                if (waves.get(i).contains(serverId)) {
                    return i;
                }
            }
            return -1;
        }

        public Set<String> allServers() {
            return waves.stream().flatMap(List::stream).collect(Collectors.toSet());
        }
    }

    /** {@code count} new CONTINUOUS servers named {@code prefix…}, round-robin over the accounts. */
    public List<Server> servers(String prefix, int count, List<String> accounts) {
        List<Server> out = new ArrayList<>();
        // The admin API generates at most a few thousand at a time comfortably; 1,000 a call.
        for (int made = 0; made < count; made += 1000) {
            int n = Math.min(1000, count - made);
            out.addAll(h.devstack.generateFleet(n, accounts, List.of("app"), 0, prefix + made / 1000 + "-"));
        }
        return out;
    }

    /** drs-adapter syncs every account; returns once catalog-service lists every one of {@code servers}. */
    public void sync(List<Server> servers) {
        h.estate.syncInventory(servers, Duration.ofMinutes(5));
    }

    /**
     * A plan of {@code waves} waves over these (synced) servers: each account's servers split evenly over the waves,
     * one group per wave and account.
     */
    public Plan plan(String name, int waves, List<Server> servers) {
        Map<String, List<Server>> byAccount = new LinkedHashMap<>();
        servers.forEach(s ->
                byAccount.computeIfAbsent(s.account(), a -> new ArrayList<>()).add(s));
        List<List<String>> waveServers = new ArrayList<>();
        List<List<String>> waveGroups = new ArrayList<>();
        List<String> allGroups = new ArrayList<>();
        for (int w = 0; w < waves; w++) {
            List<String> ids = new ArrayList<>();
            List<String> groups = new ArrayList<>();
            for (Map.Entry<String, List<Server>> e : byAccount.entrySet()) {
                List<Server> all = e.getValue();
                List<String> slice = all.subList(all.size() * w / waves, all.size() * (w + 1) / waves).stream()
                        .map(Server::id)
                        .toList();
                if (!slice.isEmpty()) {
                    String group = h.estate.group(name + "-w" + (w + 1) + "-" + e.getKey(), e.getKey(), slice);
                    groups.add(group);
                    ids.addAll(slice);
                }
            }
            waveServers.add(ids);
            waveGroups.add(groups);
            allGroups.addAll(groups);
        }
        ObjectNode body = Rest.object()
                .put("name", name)
                .put("description", "benchmark: " + waves + " waves of " + servers.size() / waves + " servers")
                .put("rtoSeconds", 3600)
                .put("rpoSeconds", 300)
                .put("drillTtlMinutes", 600);
        ArrayNode list = body.putArray("waves");
        for (int w = 0; w < waves; w++) {
            list.add(Estate.wave("wave-" + (w + 1), w + 1, "FAIL_FAST", waveGroups.get(w)));
        }
        String id = h.estate.plan(body, Duration.ofSeconds(120));
        return new Plan(id, name, waveServers, allGroups);
    }
}
