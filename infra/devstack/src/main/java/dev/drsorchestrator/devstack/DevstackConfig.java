package dev.drsorchestrator.devstack;

import dev.drsorchestrator.devstack.drs.DrsSettings.Timings;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * How to start a devstack.
 *
 * @param host the interface to listen on (127.0.0.1)
 * @param port the edge port: 4566 for the runnable, 0 for a free one (tests)
 * @param account the account in ARNs and of callers without assumed-role keys
 * @param region the region in ARNs and of unsigned calls
 * @param seed the seed of every random choice (ids, timings, faults), so runs repeat
 * @param dataDir where DynamoDB journals its tables (in {@code dynamodb/}); null keeps them in memory
 * @param fleetFile a JSON or YAML file that seeds the DRS fleet, or null
 * @param drsTimings the DRS job timings to start with
 */
public record DevstackConfig(
        String host,
        int port,
        String account,
        String region,
        long seed,
        @Nullable Path dataDir,
        @Nullable Path fleetFile,
        Timings drsTimings) {

    public static final int EDGE_PORT = 4566;
    public static final String DEFAULT_ACCOUNT = "000000000000";
    public static final String DEFAULT_REGION = "us-east-1";

    public DevstackConfig {
        if (!account.matches("\\d{12}")) {
            throw new IllegalArgumentException("account must be 12 digits, got " + account);
        }
        if (!region.matches("[a-z]{2}(-[a-z]+)+-\\d")) {
            throw new IllegalArgumentException("region must look like us-east-1, got " + region);
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, got " + port);
        }
    }

    /** A free port, default account and region, seed 42, in memory, default DRS timings: what tests want. */
    public static DevstackConfig forTests() {
        return new DevstackConfig("127.0.0.1", 0, DEFAULT_ACCOUNT, DEFAULT_REGION, 42L, null, null, Timings.DEFAULT);
    }

    /** Port 4566, as LocalStack: what the runnable uses. */
    public static DevstackConfig standard() {
        return forTests().withPort(EDGE_PORT);
    }

    public DevstackConfig withPort(int newPort) {
        return new DevstackConfig(host, newPort, account, region, seed, dataDir, fleetFile, drsTimings);
    }

    public DevstackConfig withAccountAndRegion(String newAccount, String newRegion) {
        return new DevstackConfig(host, port, newAccount, newRegion, seed, dataDir, fleetFile, drsTimings);
    }

    public DevstackConfig withSeed(long newSeed) {
        return new DevstackConfig(host, port, account, region, newSeed, dataDir, fleetFile, drsTimings);
    }

    public DevstackConfig withDataDir(@Nullable Path dir) {
        return new DevstackConfig(host, port, account, region, seed, dir, fleetFile, drsTimings);
    }

    public DevstackConfig withFleetFile(@Nullable Path file) {
        return new DevstackConfig(host, port, account, region, seed, dataDir, file, drsTimings);
    }

    public DevstackConfig withDrsTimings(Timings timings) {
        return new DevstackConfig(host, port, account, region, seed, dataDir, fleetFile, timings);
    }
}
