package dev.drsorchestrator.aws;

import dev.drsorchestrator.contracts.routing.Service;
import dev.drsorchestrator.kit.metrics.CloudWatchNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.Dashboard;
import software.amazon.awscdk.services.cloudwatch.GraphWidget;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.IWidget;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TextWidget;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.sqs.Queue;
import software.constructs.Construct;

/**
 * One dashboard and the alarms that page the operations topic: any message in a dead-letter queue, an inbox whose
 * oldest message waits too long, a service (or the console) with no running task, rules that fail to deliver, and the
 * services' own figures (executions, waves, DRS throttles and launch failures, outbox relay failures) that they
 * publish to CloudWatch under {@link #NAMESPACE}.
 */
public final class ObservabilityStack extends Stack {

    /** The CloudWatch namespace the services publish their metrics to in AWS. */
    public static final String NAMESPACE = CloudWatchNames.NAMESPACE;

    private final List<Alarm> alarms = new ArrayList<>();
    private final SnsAction notify;

    public ObservabilityStack(
            Construct scope, String id, StackProps props, Settings settings, CoreStack core, ServicesStack services) {
        super(scope, id, props);
        notify = new SnsAction(core.operations());
        Dashboard dashboard = Dashboard.Builder.create(this, "Dashboard")
                .dashboardName(settings.prefix())
                .build();
        dashboard.addWidgets(TextWidget.Builder.create()
                .markdown("# DRS Orchestrator (" + settings.prefix() + ")\nExecutions, waves and DRS from the "
                        + "services' own metrics; inboxes, dead letters and tasks from SQS and ECS. Runbooks: "
                        + "docs/deploy.md in the repository.")
                .width(24)
                .height(2)
                .build());

        List<IWidget> inboxes = new ArrayList<>();
        for (Service service : Service.values()) {
            Queue inbox = core.inbox(service);
            Queue dlq = core.deadLetters(service);
            String name = service.serviceName();
            alarm(
                    name + "-dead-letters",
                    "A message reached " + name + "'s dead-letter queue: it could not be processed after "
                            + Deployment.MAX_RECEIVE_COUNT + " receives or was unreadable. The message's attributes "
                            + "say why; fix the cause, then redrive it (docs/deploy.md).",
                    dlq.metricApproximateNumberOfMessagesVisible(minute("Maximum")),
                    0);
            alarm(
                    name + "-inbox-stalled",
                    name + "'s oldest inbox message has waited over 5 minutes: the service is not consuming "
                            + "(tasks down, or stuck). Check its tasks and logs.",
                    inbox.metricApproximateAgeOfOldestMessage(minute("Maximum")),
                    300);
            noTask(settings, name);
            inboxes.add(GraphWidget.Builder.create()
                    .title(name + ": inbox age (s) and dead letters")
                    .left(List.of(inbox.metricApproximateAgeOfOldestMessage(minute("Maximum"))))
                    .right(List.of(dlq.metricApproximateNumberOfMessagesVisible(minute("Maximum"))))
                    .width(8)
                    .build());
        }
        // The console has no inbox; with no task, the entry point answers 503 to every page.
        noTask(settings, ConsoleHosting.NAME);
        List<IMetric> failed = new ArrayList<>();
        int i = 0;
        for (Rule rule : core.rules().values()) {
            failed.add(new Metric(software.amazon.awscdk.services.cloudwatch.MetricProps.builder()
                    .namespace("AWS/Events")
                    .metricName("FailedInvocations")
                    .dimensionsMap(Map.of("RuleName", rule.getRuleName()))
                    .statistic("Sum")
                    .period(Duration.minutes(5))
                    .label("r" + i++)
                    .build()));
        }

        Map<String, IMetric> app = appMetrics();
        alarm(
                "outbox-relay-failures",
                "A service could not publish events from its outbox to the bus. The sweep retries them; if this "
                        + "lasts, check the bus, the task role's events:PutEvents, and the service's log.",
                app.get("relayFailures"),
                0);
        alarm(
                "wave-timeouts",
                "An execution made no progress within its wave's timeout. Open the execution in the console: "
                        + "its timeline says which servers are late; approve, retry or cancel the wave.",
                app.get("waveTimeouts"),
                0);

        dashboard.addWidgets(
                graph(
                        "Executions started, completed, failed; running",
                        List.of(
                                app.get("executionsStarted"),
                                app.get("executionsCompleted"),
                                app.get("executionsFailed"),
                                app.get("executionsRunning"))),
                graph(
                        "Waves started, completed, failed, timed out",
                        List.of(
                                app.get("wavesStarted"),
                                app.get("wavesCompleted"),
                                app.get("wavesFailed"),
                                app.get("waveTimeouts"))),
                graph("Event delivery latency, occurred → received (max, ms)", List.of(app.get("deliveryLatency"))));
        dashboard.addWidgets(
                graph("DRS throttles and launch failures", List.of(app.get("drsThrottles"), app.get("launchFailures"))),
                graph("Outbox relay failures", List.of(app.get("relayFailures"))),
                graph("Rule delivery failures", failed));
        dashboard.addWidgets(
                graph("Hop: commit → published (mean ms)", List.of(app.get("hopPublish"))),
                graph("Hop: published → received (mean ms)", List.of(app.get("hopDeliver"))),
                graph("Hop: received → committed (mean ms)", List.of(app.get("hopHandle"))));
        dashboard.addWidgets(inboxes.toArray(IWidget[]::new));
    }

    /**
     * The services' own metrics, named as CloudWatch receives them ({@link CloudWatchNames}: every one has the
     * dimension {@code service}, and CloudWatch matches a metric only with all its dimensions).
     */
    private static Map<String, IMetric> appMetrics() {
        String execution = Service.EXECUTION.serviceName();
        Map<String, IMetric> each = new java.util.LinkedHashMap<>();
        for (Service service : Service.values()) {
            String id = "f" + service.ordinal();
            each.put(
                    id,
                    count(
                            CloudWatchNames.OUTBOX_PUBLISH_FAILURES_COUNT,
                            Map.of(CloudWatchNames.SERVICE, service.serviceName())));
        }
        String anyRelayFailure = String.join(
                " + ", each.keySet().stream().map(id -> "FILL(" + id + ", 0)").toList());
        return Map.ofEntries(
                Map.entry("executionsStarted", published(execution, "ExecutionStarted")),
                Map.entry("executionsCompleted", published(execution, "ExecutionCompleted")),
                Map.entry("executionsFailed", published(execution, "ExecutionFailed")),
                Map.entry("executionsRunning", running(execution)),
                Map.entry("wavesStarted", published(execution, "WaveStarted")),
                Map.entry("wavesCompleted", published(execution, "WaveCompleted")),
                Map.entry("wavesFailed", published(execution, "WaveFailed")),
                Map.entry(
                        "waveTimeouts",
                        count(CloudWatchNames.WAVE_TIMEOUTS_COUNT, Map.of(CloudWatchNames.SERVICE, execution))),
                Map.entry(
                        "launchFailures",
                        count(
                                CloudWatchNames.DRS_LAUNCH_FAILURES_COUNT,
                                Map.of(CloudWatchNames.SERVICE, Service.DRS_ADAPTER.serviceName()))),
                // Over every event type and operation: a search, which dashboards allow (alarms do not).
                Map.entry(
                        "deliveryLatency",
                        search(
                                "Latency max (ms), by service and type",
                                CloudWatchNames.INBOX_DELIVERY_LATENCY_MAX,
                                CloudWatchNames.SERVICE + "," + CloudWatchNames.TYPE,
                                "Maximum")),
                Map.entry("hopPublish", hop(CloudWatchNames.HOP_PUBLISH_AVG)),
                Map.entry("hopDeliver", hop(CloudWatchNames.HOP_DELIVER_AVG)),
                Map.entry("hopHandle", hop(CloudWatchNames.HOP_HANDLE_AVG)),
                Map.entry(
                        "drsThrottles",
                        search(
                                "Throttled calls, by operation",
                                CloudWatchNames.DRS_THROTTLED_COUNT,
                                CloudWatchNames.OPERATION + "," + CloudWatchNames.SERVICE,
                                "Sum")),
                Map.entry(
                        "relayFailures",
                        MathExpression.Builder.create()
                                .label("Outbox relay failures, all services")
                                .expression(anyRelayFailure)
                                .usingMetrics(each)
                                .period(Duration.minutes(1))
                                .build()));
    }

    /**
     * Started minus ended, summed over the time the graph shows: the executions running now, counted from the
     * graph's start (one that started before it and is still running is not counted).
     */
    private static IMetric running(String execution) {
        Map<String, IMetric> metrics = new java.util.LinkedHashMap<>();
        metrics.put("s", published(execution, "ExecutionStarted"));
        List<String> ended =
                // (a rejected request never started)
                List.of("ExecutionCompleted", "ExecutionFailed", "ExecutionCancelled");
        for (int i = 0; i < ended.size(); i++) {
            metrics.put("e" + i, published(execution, ended.get(i)));
        }
        String endedSum = String.join(
                " - ",
                metrics.keySet().stream()
                        .skip(1)
                        .map(id -> "FILL(" + id + ", 0)")
                        .toList());
        return MathExpression.Builder.create()
                .label("Running (started minus ended since the graph's start)")
                .expression("RUNNING_SUM(FILL(s, 0) - " + endedSum + ")")
                .usingMetrics(metrics)
                .period(Duration.minutes(1))
                .build();
    }

    private static IMetric published(String service, String detailType) {
        return count(
                CloudWatchNames.OUTBOX_PUBLISHED_COUNT,
                Map.of(CloudWatchNames.SERVICE, service, CloudWatchNames.TYPE, detailType));
    }

    /** One hop's mean, by service and event type. */
    private static IMetric hop(String metricName) {
        return search(
                "by service and type", metricName, CloudWatchNames.SERVICE + "," + CloudWatchNames.TYPE, "Average");
    }

    private static IMetric search(String label, String metricName, String dimensions, String statistic) {
        return MathExpression.Builder.create()
                .label(label)
                .expression("SEARCH('{" + NAMESPACE + "," + dimensions + "} MetricName=\"" + metricName + "\"', '"
                        + statistic + "', 60)")
                .usingMetrics(Map.of())
                .period(Duration.minutes(1))
                .build();
    }

    private static IMetric count(String name, Map<String, String> dimensions) {
        return new Metric(software.amazon.awscdk.services.cloudwatch.MetricProps.builder()
                .namespace(NAMESPACE)
                .metricName(name)
                .dimensionsMap(dimensions)
                .statistic("Sum")
                .period(Duration.minutes(1))
                .build());
    }

    private static MetricOptions minute(String statistic) {
        return MetricOptions.builder()
                .period(Duration.minutes(1))
                .statistic(statistic)
                .build();
    }

    private static GraphWidget graph(String title, List<IMetric> metrics) {
        return GraphWidget.Builder.create().title(title).left(metrics).width(8).build();
    }

    /** An ECS service (a service, or the console) with no running task. */
    private void noTask(Settings settings, String name) {
        alarm(
                name + "-no-task",
                name + " has no running task. ECS should replace it within minutes; if not, read the "
                        + "service's events in the ECS console and its log group.",
                new Metric(software.amazon.awscdk.services.cloudwatch.MetricProps.builder()
                        .namespace("ECS/ContainerInsights")
                        .metricName("RunningTaskCount")
                        .dimensionsMap(Map.of("ClusterName", settings.prefix(), "ServiceName", name))
                        .statistic("Minimum")
                        .period(Duration.minutes(1))
                        .build()),
                1,
                ComparisonOperator.LESS_THAN_THRESHOLD,
                TreatMissingData.BREACHING);
    }

    private void alarm(String name, String description, IMetric metric, double threshold) {
        alarm(
                name,
                description,
                metric,
                threshold,
                ComparisonOperator.GREATER_THAN_THRESHOLD,
                TreatMissingData.NOT_BREACHING);
    }

    private void alarm(
            String name,
            String description,
            IMetric metric,
            double threshold,
            ComparisonOperator comparison,
            TreatMissingData missing) {
        Alarm alarm = Alarm.Builder.create(this, Names.id(name) + "Alarm")
                .alarmName(getStackName() + "-" + name)
                .alarmDescription(description)
                .metric(metric)
                .threshold(threshold)
                .comparisonOperator(comparison)
                .evaluationPeriods(1)
                .treatMissingData(missing)
                .build();
        alarm.addAlarmAction(notify);
        alarm.addOkAction(notify);
        alarms.add(alarm);
    }

    public List<Alarm> alarms() {
        return alarms;
    }
}
