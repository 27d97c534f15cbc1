package dev.drsorchestrator.benchmark;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.benchmark.Prometheus.Sample;
import dev.drsorchestrator.local.Component;
import dev.drsorchestrator.local.DevstackAdmin;
import dev.drsorchestrator.local.Estate;
import dev.drsorchestrator.local.LocalSystem;
import dev.drsorchestrator.local.Rest;
import dev.drsorchestrator.local.Users;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One started system for the scenarios: devstack and the five services on free ports (infra/local's launcher), the
 * local users with their tokens, the REST set-up ({@link Estate}) and the DRS simulator's admin API. DRS launches take
 * no time (every timing zero), so what is measured is the orchestrator, not the simulated DRS.
 */
public final class Harness implements AutoCloseable {

    /** The staging accounts the benchmark spreads servers over: infra/local's two, then eight more. */
    public static final List<String> ACCOUNTS = List.of(
            "111111111111",
            "222222222222",
            "333333333333",
            "444444444444",
            "555555555555",
            "666666666666",
            "777777777777",
            "888888888888",
            "999999999999",
            "101010101010");

    /** How drs-adapter learns that a DRS job ended. */
    public enum Tracking {
        /** DRS's launch-result events, and polling as the production defaults set it. */
        EVENTS,
        /** Every DRS event dropped (the simulator's dropEventFraction 1.0): polling DescribeJobs only. */
        POLLING
    }

    public final String label;
    public final LocalSystem system;
    public final Users users;
    public final Estate estate;
    public final DevstackAdmin devstack;
    public final Rest anonymous = new Rest();
    private final HttpClient scraper =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    public final Processes.Startup startup;
    private final Map<Component, Boolean> metricsNeedToken = new EnumMap<>(Component.class);

    private Harness(String label, LocalSystem system, Processes.Startup startup) {
        this.label = label;
        this.system = system;
        this.startup = startup;
        this.users = Users.create(system.url(Component.DEVSTACK));
        this.estate = new Estate(system, users);
        this.devstack = new DevstackAdmin(anonymous, system.url(Component.DEVSTACK));
    }

    /**
     * Starts a fresh system. drs-adapter reaches {@code accounts} of {@link #ACCOUNTS} through a role in each, and
     * tracks jobs with its production defaults (polls 2 s after a change, doubling to at most 15 s apart).
     */
    public static Harness start(String label, Path root, int accounts, Tracking tracking, PrintStream out) {
        LocalSystem.Options options = new LocalSystem.Options(root)
                .logs(root.resolve("infra/benchmark/target/logs/" + label))
                .freePorts()
                .peakJit()
                .out(out)
                // The production defaults, over infra/local's quicker 1 s / 5 s.
                .set(Component.DRS_ADAPTER, "drs.tracking.min-poll-interval", "2s")
                .set(Component.DRS_ADAPTER, "drs.tracking.poll-interval", "15s")
                // The scenarios sync the inventory once they made their servers; no timed sync racing them, and no
                // launch-settings reads (two DRS calls per server) that only preflight's drift check uses.
                .set(Component.DRS_ADAPTER, "drs.inventory.enabled", "false")
                .set(Component.DRS_ADAPTER, "drs.inventory.launch-settings", "false");
        // LocalSystem configures accounts[0] (its own) and [1], [2] (the two fleet accounts); more after them.
        for (int i = LocalSystem.FLEET_ACCOUNTS.size(); i < accounts; i++) {
            String account = ACCOUNTS.get(i);
            String key = "drs.accounts[" + (i + 1) + "]";
            options.set(Component.DRS_ADAPTER, key + ".account-id", account)
                    .set(Component.DRS_ADAPTER, key + ".region", LocalSystem.REGION)
                    .set(
                            Component.DRS_ADAPTER,
                            key + ".role-arn",
                            "arn:aws:iam::" + account + ":role/drs-orchestrator");
        }
        Processes.Startup startup = Processes.watchStartup(root);
        LocalSystem system;
        try {
            system = LocalSystem.start(options);
        } finally {
            startup.stop();
        }
        try {
            Harness h = new Harness(label, system, startup);
            // Launches take no time: a job ends as soon as DRS has started it.
            h.devstack.timings(0, 0, 0, 0);
            if (tracking == Tracking.POLLING) {
                h.faults(Rest.object().put("dropEventFraction", 1.0));
            }
            return h;
        } catch (RuntimeException e) {
            system.close();
            throw e;
        }
    }

    /** The staging accounts drs-adapter reaches in this system, first {@code n}. */
    public static List<String> accounts(int n) {
        return ACCOUNTS.subList(0, n);
    }

    /** Replaces the DRS simulator's faults. */
    public void faults(ObjectNode faults) {
        anonymous
                .put(system.url(Component.DEVSTACK) + "/_devstack/drs/faults", faults)
                .expect(200);
    }

    public String url(Component c, String path) {
        return system.url(c) + path;
    }

    /** Every service's {@code /q/metrics}, parsed; a service that does not answer has no entry. */
    public Map<Component, List<Sample>> scrape() {
        Map<Component, List<Sample>> out = new EnumMap<>(Component.class);
        for (Component c : services()) {
            String text = metrics(c);
            if (text != null) {
                out.put(c, Prometheus.parse(text));
            }
        }
        return out;
    }

    /**
     * One service's Prometheus text. Asked for as {@code text/plain}: with the JSON {@code Accept} of the REST helper,
     * Quarkus answers no Prometheus text.
     */
    private @Nullable String metrics(Component c) {
        String url = url(c, "/q/metrics");
        try {
            if (!metricsNeedToken.getOrDefault(c, false)) {
                HttpResponse<String> r = metrics(url, null);
                if (r.statusCode() == 200) {
                    return r.body();
                }
                if (r.statusCode() != 401 && r.statusCode() != 403) {
                    return null;
                }
                metricsNeedToken.put(c, true);
            }
            HttpResponse<String> r = metrics(url, users.token("admin"));
            return r.statusCode() == 200 ? r.body() : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private HttpResponse<String> metrics(String url, @Nullable String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "text/plain");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return scraper.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Whether {@code /q/metrics} asked for a token (then the admin's was sent). */
    public boolean metricsNeedToken() {
        return metricsNeedToken.containsValue(true);
    }

    public static List<Component> services() {
        List<Component> out = new ArrayList<>();
        for (Component c : Component.values()) {
            if (c.isService()) {
                out.add(c);
            }
        }
        return out;
    }

    @Override
    public void close() {
        system.close();
    }
}
