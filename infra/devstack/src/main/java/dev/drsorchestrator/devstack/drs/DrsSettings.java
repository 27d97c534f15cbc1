package dev.drsorchestrator.devstack.drs;

import java.util.Set;

/** The knobs of the DRS simulator: timings, quotas and injected faults. Each is replaced whole through the admin API. */
public final class DrsSettings {
    private DrsSettings() {}

    /**
     * How long things take. A launch takes a time between {@code launchMinMillis} and {@code launchMaxMillis},
     * drawn from the seed, so runs repeat; all zero makes a job finish at once (benchmarks).
     */
    public record Timings(
            long jobStartMillis,
            long serverStartMillis,
            long launchMinMillis,
            long launchMaxMillis,
            long terminateMillis) {
        public static final Timings DEFAULT = new Timings(200, 100, 500, 1500, 300);
        public static final Timings INSTANT = new Timings(0, 0, 0, 0, 0);

        public Timings {
            if (jobStartMillis < 0 || serverStartMillis < 0 || launchMinMillis < 0 || terminateMillis < 0) {
                throw new IllegalArgumentException("timings must not be negative");
            }
            if (launchMaxMillis < launchMinMillis) {
                throw new IllegalArgumentException("launchMaxMillis must be at least launchMinMillis");
            }
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
