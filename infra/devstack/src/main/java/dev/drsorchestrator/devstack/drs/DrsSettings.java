package dev.drsorchestrator.devstack.drs;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The knobs of the DRS simulator: timings, quotas and injected faults. Each is replaced whole through the admin API. */
public final class DrsSettings {
    private DrsSettings() {}

    /**
     * How long things take. A launch takes a time between {@code launchMinMillis} and {@code launchMaxMillis},
     * drawn from the seed, so runs repeat; all zero makes a job finish at once (benchmarks).
     *
     * @param reverseSyncMillis how long a server whose replication ReverseReplication (re)started stays in
     *     INITIAL_SYNC before it is CONTINUOUS
     * @param failbackSyncMillis how long a recovery instance whose DRS Failback Client connected stays
     *     FAILBACK_NOT_READY_FOR_LAUNCH before it is FAILBACK_READY_FOR_LAUNCH
     */
    public record Timings(
            long jobStartMillis,
            long serverStartMillis,
            long launchMinMillis,
            long launchMaxMillis,
            long terminateMillis,
            long reverseSyncMillis,
            long failbackSyncMillis) {
        public static final long DEFAULT_REVERSE_SYNC_MILLIS = 1500;
        public static final long DEFAULT_FAILBACK_SYNC_MILLIS = 1000;
        public static final Timings DEFAULT = new Timings(200, 100, 500, 1500, 300);
        public static final Timings INSTANT = new Timings(0, 0, 0, 0, 0, 0, 0);

        public Timings {
            if (jobStartMillis < 0
                    || serverStartMillis < 0
                    || launchMinMillis < 0
                    || terminateMillis < 0
                    || reverseSyncMillis < 0
                    || failbackSyncMillis < 0) {
                throw new IllegalArgumentException("timings must not be negative");
            }
            if (launchMaxMillis < launchMinMillis) {
                throw new IllegalArgumentException("launchMaxMillis must be at least launchMinMillis");
            }
        }

        /** The launch and terminate timings, with the default reverse-sync and failback-sync times. */
        public Timings(
                long jobStartMillis,
                long serverStartMillis,
                long launchMinMillis,
                long launchMaxMillis,
                long terminateMillis) {
            this(
                    jobStartMillis,
                    serverStartMillis,
                    launchMinMillis,
                    launchMaxMillis,
                    terminateMillis,
                    DEFAULT_REVERSE_SYNC_MILLIS,
                    DEFAULT_FAILBACK_SYNC_MILLIS);
        }

        /**
         * Reads timings from JSON or YAML (admin API, fleet file). A missing launch or terminate field is 0, as it
         * always was; a missing {@code reverseSyncMillis} or {@code failbackSyncMillis} takes its default, so bodies
         * written before these fields existed keep working.
         */
        @JsonCreator
        static Timings fromJson(
                @JsonProperty("jobStartMillis") @Nullable Long jobStartMillis,
                @JsonProperty("serverStartMillis") @Nullable Long serverStartMillis,
                @JsonProperty("launchMinMillis") @Nullable Long launchMinMillis,
                @JsonProperty("launchMaxMillis") @Nullable Long launchMaxMillis,
                @JsonProperty("terminateMillis") @Nullable Long terminateMillis,
                @JsonProperty("reverseSyncMillis") @Nullable Long reverseSyncMillis,
                @JsonProperty("failbackSyncMillis") @Nullable Long failbackSyncMillis) {
            return new Timings(
                    or(jobStartMillis, 0),
                    or(serverStartMillis, 0),
                    or(launchMinMillis, 0),
                    or(launchMaxMillis, 0),
                    or(terminateMillis, 0),
                    or(reverseSyncMillis, DEFAULT_REVERSE_SYNC_MILLIS),
                    or(failbackSyncMillis, DEFAULT_FAILBACK_SYNC_MILLIS));
        }

        private static long or(@Nullable Long value, long otherwise) {
            return value == null ? otherwise : value;
        }
    }

    /** DRS's default quotas (an account and region each). */
    public record Quotas(int serversPerJob, int concurrentJobs, int serversInActiveJobs, int maxServersPerRequest) {
        public static final Quotas DEFAULT = new Quotas(100, 20, 500, 200);

        public Quotas {
            if (serversPerJob < 1 || concurrentJobs < 1 || serversInActiveJobs < 1 || maxServersPerRequest < 1) {
                throw new IllegalArgumentException("quotas must be at least 1");
            }
        }
    }

    /**
     * Faults to inject. Fractions are probabilities in [0,1], decided from the seed and the thing they apply to (the
     * job and server, the call's sequence number, the event), so the same run fails the same way twice.
     *
     * @param failServers source servers whose launches always fail
     * @param failLaunchFraction share of other launches that fail
     * @param throttleFraction share of API calls answered with 429 ThrottlingException
     * @param dropEventFraction share of DRS events never sent
     * @param duplicateEventFraction share of DRS events sent twice
     * @param eventDelayMillis how late DRS events arrive after the state change they report
     * @param jobStateEvents whether to send the "DRS Job State Change" event (AWS does not today; off by default)
     */
    public record Faults(
            Set<String> failServers,
            double failLaunchFraction,
            double throttleFraction,
            double dropEventFraction,
            double duplicateEventFraction,
            long eventDelayMillis,
            boolean jobStateEvents) {
        public static final Faults NONE = new Faults(Set.of(), 0, 0, 0, 0, 0, false);

        public Faults {
            failServers = failServers == null ? Set.of() : Set.copyOf(failServers);
            for (double f :
                    new double[] {failLaunchFraction, throttleFraction, dropEventFraction, duplicateEventFraction}) {
                if (f < 0 || f > 1) {
                    throw new IllegalArgumentException("fractions must be between 0 and 1, got " + f);
                }
            }
            if (eventDelayMillis < 0) {
                throw new IllegalArgumentException("eventDelayMillis must not be negative");
            }
        }
    }
}
