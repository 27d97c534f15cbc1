package dev.drsorchestrator.contracts.aws;

import dev.drsorchestrator.contracts.routing.EventSource;
import java.util.Arrays;
import java.util.Optional;

/** The AWS service events the project consumes, as they arrive on the account's default bus. */
public enum AwsEventType {
    DRS_SOURCE_SERVER_LAUNCH_RESULT(
            EventSource.AWS_DRS, "DRS Source Server Launch Result", "drs-source-server-launch-result"),
    DRS_DATA_REPLICATION_STALLED_CHANGE(
            EventSource.AWS_DRS,
            "DRS Source Server Data Replication Stalled Change",
            "drs-source-server-data-replication-stalled-change"),
    DRS_RECOVERY_INSTANCE_FAILBACK_STATE_CHANGE(
            EventSource.AWS_DRS,
            "DRS Recovery Instance Failback State Change",
            "drs-recovery-instance-failback-state-change"),
    /**
     * Not published by AWS today (the seed documents show it); accepted if it ever comes. Its shape is the one
     * {@link AwsEventParser} documents.
     */
    DRS_JOB_STATE_CHANGE(EventSource.AWS_DRS, "DRS Job State Change", "drs-job-state-change"),
    CLOUDWATCH_ALARM_STATE_CHANGE(
            EventSource.AWS_CLOUDWATCH, "CloudWatch Alarm State Change", "cloudwatch-alarm-state-change");

    private final EventSource source;
    private final String detailType;
    private final String sampleName;

    AwsEventType(EventSource source, String detailType, String sampleName) {
        this.source = source;
        this.detailType = detailType;
        this.sampleName = sampleName;
    }

    public EventSource source() {
        return source;
    }

    public String detailType() {
        return detailType;
    }

    /**
     * Classpath folder of this event's samples, taken from AWS's documentation (one file per documented state):
     * {@code /drs-orchestrator/aws-samples/<name>[-<state>].json}.
     */
    public String samplePrefix() {
        return "/drs-orchestrator/aws-samples/" + sampleName;
    }

    public static Optional<AwsEventType> of(String source, String detailType) {
        return Arrays.stream(values())
                .filter(t -> t.source.source().equals(source) && t.detailType.equals(detailType))
                .findFirst();
    }
}
