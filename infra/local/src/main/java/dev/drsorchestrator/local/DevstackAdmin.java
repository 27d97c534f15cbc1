package dev.drsorchestrator.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** devstack's admin API ({@code /_devstack/…}, docs/devstack.md): the DRS simulator's fleet, timings and call log. */
public final class DevstackAdmin {

    private final Rest rest;
    private final String base;

    public DevstackAdmin(Rest rest, String devstackUrl) {
        this.rest = rest;
        this.base = devstackUrl + "/_devstack";
    }

    /** A source server as devstack made it. */
    public record Server(String id, String hostname, String account, String tier, String replicationState) {

        static Server of(JsonNode s) {
            String arn = s.path("arn").asText();
            return new Server(
                    s.path("sourceServerID").asText(),
                    s.path("tags").path("Name").asText(),
                    arn.split(":")[4],
                    s.path("tags").path("Tier").asText(),
                    s.path("dataReplicationInfo").path("dataReplicationState").asText());
        }

        public boolean ready() {
            return replicationState.equals("CONTINUOUS");
        }
    }

    /** Generates servers round-robin over the accounts and the tiers; {@code notReadyFraction} are not CONTINUOUS. */
    public List<Server> generateFleet(
            int count, List<String> accounts, List<String> tiers, double notReadyFraction, String hostnamePrefix) {
        ObjectNode spec = Rest.object()
                .put("count", count)
                .put("region", LocalSystem.REGION)
                .put("notReadyFraction", notReadyFraction)
                .put("hostnamePrefix", hostnamePrefix);
        accounts.forEach(spec.putArray("accounts")::add);
        tiers.forEach(spec.putArray("tiers")::add);
        List<Server> out = new ArrayList<>();
        rest.post(base + "/drs/fleet", spec).expect(201).json().forEach(s -> out.add(Server.of(s)));
        return out;
    }

    /** Launch timings: a job starts after {@code jobStartMillis}, each server launches in min..max. */
    public JsonNode timings(long jobStartMillis, long serverStartMillis, long launchMinMillis, long launchMaxMillis) {
        return rest.put(
                        base + "/drs/timings",
                        Rest.object()
                                .put("jobStartMillis", jobStartMillis)
                                .put("serverStartMillis", serverStartMillis)
                                .put("launchMinMillis", launchMinMillis)
                                .put("launchMaxMillis", launchMaxMillis)
                                .put("terminateMillis", 300))
                .expect(200)
                .json();
    }

    /** Servers whose launches fail ({@code faults.failServers}); every other fault off. */
    public void failServers(List<String> ids) {
        ObjectNode faults = Rest.object();
        ids.forEach(faults.putArray("failServers")::add);
        rest.put(base + "/drs/faults", faults).expect(200);
    }

    public JsonNode quotas() {
        return rest.get(base + "/drs/quotas").expect(200).json();
    }

    /** Replaces the DRS quotas the simulator enforces (as {@link #quotas()} gives them). */
    public JsonNode quotas(JsonNode quotas) {
        return rest.put(base + "/drs/quotas", quotas).expect(200).json();
    }

    /** The DRS call log, optionally one operation, after a sequence number. */
    public List<JsonNode> calls(@Nullable String operation, long after) {
        List<JsonNode> out = new ArrayList<>();
        String query = "?after=" + after + (operation == null ? "" : "&operation=" + operation);
        rest.get(base + "/drs/calls" + query).expect(200).json().forEach(out::add);
        return out;
    }

    /** The sequence number of the last DRS call so far (0 when none). */
    public long lastCall() {
        List<JsonNode> calls = calls(null, 0);
        return calls.isEmpty() ? 0 : calls.get(calls.size() - 1).path("seq").asLong();
    }

    public List<JsonNode> recoveryInstances() {
        List<JsonNode> out = new ArrayList<>();
        rest.get(base + "/drs/recovery-instances").expect(200).json().forEach(out::add);
        return out;
    }

    /** Sets a CloudWatch alarm's state; AWS's "Alarm State Change" goes to the default bus when it changes. */
    public boolean alarm(String name, String state, String reason) {
        return rest.put(
                        base + "/cloudwatch/alarms/" + name + "/state",
                        Rest.object().put("state", state).put("reason", reason))
                .expect(200)
                .json()
                .path("changed")
                .asBoolean();
    }

    /** Fires an EventBridge Scheduler schedule now; {@code deliveries} > 1 delivers that one firing again. */
    public JsonNode fireSchedule(String group, String name, int deliveries) {
        return rest.post(base + "/scheduler/schedules/" + group + "/" + name + "/fire?deliveries=" + deliveries, null)
                .expect(200)
                .json();
    }

    public List<JsonNode> firings() {
        List<JsonNode> out = new ArrayList<>();
        rest.get(base + "/scheduler/firings").expect(200).json().forEach(out::add);
        return out;
    }
}
