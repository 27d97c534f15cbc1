package dev.drsorchestrator.kit.metrics;

/**
 * The project's metrics as CloudWatch shows them, for infra/aws's dashboard and alarms: namespace
 * {@code kit.metrics.cloudwatch.namespace} ({@code DRSOrchestrator} in AWS), one data point per meter (and per
 * combination of its dimensions) every {@code kit.metrics.cloudwatch.step} (1 minute), storage resolution 60 s.
 *
 * <p>Micrometer's CloudWatch registry (micrometer-registry-cloudwatch2 1.16, {@code CloudWatchMeterRegistry}) keeps
 * the meter's dotted name and adds a suffix per statistic: a counter is one metric {@code <meter>.count} (unit
 * Count: how many times it happened during the step, 0 included); a timer is {@code <meter>.count} (Count),
 * {@code <meter>.sum} (Milliseconds), and, only in steps where something was recorded, {@code <meter>.avg} and
 * {@code <meter>.max} (Milliseconds). So graph and alarm on a {@code .count} with the statistic {@code Sum}, on a
 * {@code .avg} with {@code Average}, on a {@code .max} with {@code Maximum}. A meter exists only from its first use,
 * and in steps without a recording a timer sends no {@code .avg}/{@code .max}: alarms treat missing data as not
 * breaching.
 *
 * <p>Every metric has the dimension {@link #SERVICE}; some also {@link #TYPE} or {@link #OPERATION} (a metric
 * in CloudWatch is its name plus all its dimensions, so a query names them all, or uses a SEARCH or a metric math
 * {@code SUM} over them). Executions and waves started, completed and failed are the events that execution-service
 * publishes: {@link #OUTBOX_PUBLISHED_COUNT} with {@code service=execution-service} and {@code type} one of
 * {@code ExecutionStarted}, {@code ExecutionCompleted}, {@code ExecutionFailed}, {@code WaveStarted},
 * {@code WaveCompleted}, {@code WaveFailed} (the events' {@code detail-type}s, {@code EventType} in contracts).
 */
public final class CloudWatchNames {

    private CloudWatchNames() {}

    /** The meters' own names (Micrometer), as the code records them and Prometheus shows them (dots as {@code _}). */
    public static final class Meters {
        private Meters() {}

        /** Counter, tag {@code type}: an event the outbox relay put on the bus (EventBridge accepted it). */
        public static final String OUTBOX_PUBLISHED = "kit.outbox.published";
        /** Counter: an event the relay failed to put on the bus (PutEvents failed, or refused that entry). */
        public static final String OUTBOX_PUBLISH_FAILURES = "kit.outbox.publish.failures";
        /** Timer, tag {@code type}: from an event's occurrence to its receipt from the inbox queue. */
        public static final String INBOX_DELIVERY_LATENCY = "kit.inbox.delivery.latency";
        /** The hop timers' common prefix ({@link HopTimers}). */
        public static final String HOP_PREFIX = "kit.hop.";
        /** Timer, tag {@code type}: commit → published (the producer's outbox relay). */
        public static final String HOP_PUBLISH = "kit.hop.publish";
        /** Timer, tag {@code type}: published (put into the consumer's queue) → received by the consumer. */
        public static final String HOP_DELIVER = "kit.hop.deliver";
        /** Timer, tag {@code type}: received → committed (the consumer's handler returned). */
        public static final String HOP_HANDLE = "kit.hop.handle";
        /** Counter: a wave attempt timed out (its timeout fired while it was still running). */
        public static final String WAVE_TIMEOUTS = "execution.wave.timeouts";
        /** Counter, tag {@code operation}: a call to DRS, EC2, SSM or Lambda answered "throttled". */
        public static final String DRS_THROTTLED = "drs.throttled";
        /** Counter: a source server whose launch (recovery, drill or failback) failed. */
        public static final String DRS_LAUNCH_FAILURES = "drs.launch.failures";
    }

    /** The namespace infra/aws gives the services ({@code KIT_METRICS_CLOUDWATCH_NAMESPACE}). */
    public static final String NAMESPACE = "DRSOrchestrator";

    /** Dimension on every metric: the publishing service's {@code kit.service-name}, such as {@code drs-adapter}. */
    public static final String SERVICE = "service";

    /** Dimension: an event's {@code detail-type}, such as {@code ExecutionStarted}. */
    public static final String TYPE = "type";

    /** Dimension: the AWS API operation, such as {@code StartRecovery} or {@code DescribeJobs}. */
    public static final String OPERATION = "operation";

    /**
     * Events published to the bus (statistic Sum), dimensions {@link #SERVICE} and {@link #TYPE}. With
     * {@code service=execution-service}: executions and waves started, completed and failed (see the class comment).
     */
    public static final String OUTBOX_PUBLISHED_COUNT = Meters.OUTBOX_PUBLISHED + ".count";

    /**
     * Events the outbox relay could not put on the bus (statistic Sum), dimension {@link #SERVICE}. They stay in the
     * outbox and the sweep retries them; a steady non-zero rate means EventBridge refuses or cannot be reached.
     */
    public static final String OUTBOX_PUBLISH_FAILURES_COUNT = Meters.OUTBOX_PUBLISH_FAILURES + ".count";

    /**
     * Mean event delivery latency in milliseconds (statistic Average): from the event's {@code metadata.occurredAt}
     * (an AWS event's {@code time}) to its receipt by the consuming service. Dimensions {@link #SERVICE} (the
     * consumer) and {@link #TYPE}.
     */
    public static final String INBOX_DELIVERY_LATENCY_AVG = Meters.INBOX_DELIVERY_LATENCY + ".avg";

    /** Longest event delivery latency in the step, in milliseconds (statistic Maximum); dimensions as the mean. */
    public static final String INBOX_DELIVERY_LATENCY_MAX = Meters.INBOX_DELIVERY_LATENCY + ".max";

    /** Events received from the inbox queue, redeliveries included (statistic Sum); dimensions as the mean. */
    public static final String INBOX_DELIVERY_LATENCY_COUNT = Meters.INBOX_DELIVERY_LATENCY + ".count";

    /** Total delivery latency of the step's events, in milliseconds (statistic Sum); dimensions as the mean. */
    public static final String INBOX_DELIVERY_LATENCY_SUM = Meters.INBOX_DELIVERY_LATENCY + ".sum";

    /**
     * Mean time of each hop of the event path in milliseconds (statistic Average; {@link HopTimers}): commit →
     * published (dimension {@link #SERVICE} the producer), published → received and received → committed (the
     * consumer); each also by {@link #TYPE}.
     */
    public static final String HOP_PUBLISH_AVG = Meters.HOP_PUBLISH + ".avg";

    public static final String HOP_DELIVER_AVG = Meters.HOP_DELIVER + ".avg";

    public static final String HOP_HANDLE_AVG = Meters.HOP_HANDLE + ".avg";

    /**
     * Wave attempts that timed out (statistic Sum), dimension {@link #SERVICE} ({@code execution-service}): an
     * execution made no progress within the wave's {@code timeoutMinutes}, and the wave fails.
     */
    public static final String WAVE_TIMEOUTS_COUNT = Meters.WAVE_TIMEOUTS + ".count";

    /**
     * Throttled AWS calls of drs-adapter (statistic Sum), every throttled attempt, retried ones included; dimensions
     * {@link #SERVICE} ({@code drs-adapter}) and {@link #OPERATION}.
     */
    public static final String DRS_THROTTLED_COUNT = Meters.DRS_THROTTLED + ".count";

    /**
     * Source servers whose launch failed (statistic Sum), dimension {@link #SERVICE} ({@code drs-adapter}): DRS
     * reported the server's launch FAILED, or ended its job without launching it.
     */
    public static final String DRS_LAUNCH_FAILURES_COUNT = Meters.DRS_LAUNCH_FAILURES + ".count";
}
