package dev.drsorchestrator.benchmark;

/**
 * How big each scenario is: the full sizes of issue 25, or {@code --quick}'s for a smoke run.
 *
 * @param waves waves of the transition and large plans
 * @param serversPerWave servers in each of those waves
 * @param transitionRuns executions of the transition plan (each gives waves - 1 transitions)
 * @param concurrent executions requested at the same moment (each of a plan of 2 waves of 5 servers)
 * @param accountWaves waves of the accounts plan
 * @param accountServersPerWave servers in each of its waves, spread over the ten accounts
 * @param readsSeconds how long the REST reads run (after a 2 s warm-up)
 * @param readsPerSecond their rate
 */
public record Sizes(
        int waves,
        int serversPerWave,
        int transitionRuns,
        int concurrent,
        int accountWaves,
        int accountServersPerWave,
        int readsSeconds,
        int readsPerSecond) {

    public static final Sizes FULL = new Sizes(10, 100, 3, 50, 10, 300, 30, 200);
    public static final Sizes QUICK = new Sizes(3, 10, 1, 5, 3, 100, 10, 200);

    /** The same with another rate of reads. */
    public Sizes withReadsPerSecond(int perSecond) {
        return new Sizes(
                waves,
                serversPerWave,
                transitionRuns,
                concurrent,
                accountWaves,
                accountServersPerWave,
                readsSeconds,
                perSecond);
    }

    /** The ten accounts of the accounts scenario. */
    public static final int ACCOUNTS = 10;

    /** The concurrent scenario's plans: 2 waves of 5 servers. */
    public static final int CONCURRENT_WAVES = 2;

    public static final int CONCURRENT_SERVERS_PER_WAVE = 5;
}
