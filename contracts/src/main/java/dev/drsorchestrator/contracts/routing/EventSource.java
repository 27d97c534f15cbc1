package dev.drsorchestrator.contracts.routing;

/** Every EventBridge {@code source} the project produces or consumes, and which bus it arrives on. */
public enum EventSource {
    CATALOG_SERVICE("drs-orchestrator.catalog-service", Bus.PROJECT),
    PLAN_SERVICE("drs-orchestrator.plan-service", Bus.PROJECT),
    EXECUTION_SERVICE("drs-orchestrator.execution-service", Bus.PROJECT),
    DRS_ADAPTER("drs-orchestrator.drs-adapter", Bus.PROJECT),
    NOTIFIER("drs-orchestrator.notifier", Bus.PROJECT),
    /** EventBridge Scheduler targets the project bus with this source. */
    SCHEDULER("drs-orchestrator.scheduler", Bus.PROJECT),
    /** AWS Elastic Disaster Recovery's own events, on the account's default bus. */
    AWS_DRS("aws.drs", Bus.DEFAULT),
    /** CloudWatch alarm state changes, on the account's default bus. */
    AWS_CLOUDWATCH("aws.cloudwatch", Bus.DEFAULT);

    private final String source;
    private final Bus bus;

    EventSource(String source, Bus bus) {
        this.source = source;
        this.bus = bus;
    }

    public String source() {
        return source;
    }

    public Bus bus() {
        return bus;
    }

    /** Short form used in rule names: {@code plan-service}, {@code aws-drs}. */
    public String shortName() {
        int dot = source.indexOf('.');
        return source.startsWith("aws.") ? source.replace('.', '-') : source.substring(dot + 1);
    }

    /** The bus an event arrives on: the project's own custom bus, or the account's default bus (AWS services). */
    public enum Bus {
        PROJECT,
        DEFAULT
    }
}
