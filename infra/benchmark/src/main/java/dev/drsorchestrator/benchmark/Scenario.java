package dev.drsorchestrator.benchmark;

/**
 * One benchmark scenario: a set-up that is not measured, then the measured part. The runner scrapes every service's
 * metrics between the two and after the second, for the per-hop breakdown.
 */
public interface Scenario {

    /** The name on the command line. */
    String name();

    String title();

    /** The system it needs: a fresh one of its own, or the one the shared scenarios run on. */
    default boolean ownSystem() {
        return false;
    }

    /** drs-adapter's tracking on its own system. */
    default Harness.Tracking tracking() {
        return Harness.Tracking.EVENTS;
    }

    /** Servers, groups, plans: what the measured part needs. */
    void prepare(Harness h, Context ctx);

    Result measure(Harness h, Context ctx);
}
