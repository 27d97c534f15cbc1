package dev.drsorchestrator.execution.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** execution-service's own settings; the plumbing's are under {@code kit.*}. */
@ConfigMapping(prefix = "execution")
public interface ExecutionConfig {

    Tables tables();

    /**
     * How long one minute of a plan's {@code drillTtlMinutes} lasts. A real minute; the system tests and demos
     * shorten it (e.g. {@code 1s}) so that a drill's cleanup can be watched without waiting for hours.
     */
    @WithDefault("1m")
    Duration drillTtlUnit();

    Timers timers();

    /** How often a change is retried from a fresh read when another instance changed the execution first. */
    @WithDefault("10")
    int conflictRetries();

    /** {@code GET /executions/{id}/events}: the Server-Sent Events streams of executions' changes. */
    Stream stream();

    interface Tables {
        String EXECUTIONS = "execution-executions";
        String TIMERS = "execution-timers";

        /** Executions (state, timeline) and the holds of active executions on plans and servers. */
        @WithDefault(EXECUTIONS)
        String executions();

        /** Due timers: wave timeouts, waits after waves, drill TTLs. */
        @WithDefault(TIMERS)
        String timers();
    }

    interface Timers {
        /** Whether this instance fires due timers (every instance may; a timer fires once either way). */
        @WithDefault("true")
        boolean enabled();

        /** How often due timers are looked for: the precision of waits and timeouts. */
        @WithDefault("1s")
        Duration pollInterval();

        /** Most timers fired per look. */
        @WithDefault("25")
        int batch();
    }

    interface Stream {
        /**
         * How often a comment ({@code : keep-alive}) is sent on an open stream, so that proxies and load balancers
         * (the AWS ALB closes a connection idle for 60 s) keep it.
         */
        @WithDefault("15s")
        Duration keepAlive();

        /**
         * How often each execution with an open stream is read again, to find the changes committed by other
         * instances (one read per watched execution, however many streams watch it).
         */
        @WithDefault("1s")
        Duration pollInterval();

        /** Most streams open at once on this instance; beyond, a request is refused with 503 and Retry-After. */
        @WithDefault("1000")
        int maxStreams();

        /** Threads that read watched executions and send their changes. */
        @WithDefault("4")
        int threads();

        /**
         * How often an execution that ended (COMPLETED, FAILED, CANCELLED, REJECTED) and has an open stream is read
         * again: it rarely changes (a drill's cleanup), and this instance's own changes of it are sent at once anyway.
         */
        @WithDefault("30s")
        Duration endedPollInterval();

        /**
         * The longest a stream stays open, however long its token is valid (the client then reconnects with
         * {@code Last-Event-ID}). Unset by default: a stream closes when its caller's token expires. Tests set it short
         * to see a stream closed without waiting for a token to expire.
         */
        Optional<Duration> maxLife();
    }
}
