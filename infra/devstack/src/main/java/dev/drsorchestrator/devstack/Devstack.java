package dev.drsorchestrator.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.devstack.admin.AdminApi;
import dev.drsorchestrator.devstack.admin.FleetFile;
import dev.drsorchestrator.devstack.cloudwatch.AlarmService;
import dev.drsorchestrator.devstack.cloudwatch.MetricsService;
import dev.drsorchestrator.devstack.cognito.CognitoService;
import dev.drsorchestrator.devstack.cognito.OAuthEndpoints;
import dev.drsorchestrator.devstack.cognito.UserPools;
import dev.drsorchestrator.devstack.drs.DrsApi;
import dev.drsorchestrator.devstack.drs.DrsSimulator;
import dev.drsorchestrator.devstack.dynamodb.DynamoDbService;
import dev.drsorchestrator.devstack.ec2.Ec2;
import dev.drsorchestrator.devstack.ec2.Ec2Service;
import dev.drsorchestrator.devstack.events.DeliveryLog;
import dev.drsorchestrator.devstack.events.EventBridgeService;
import dev.drsorchestrator.devstack.http.AwsServiceException;
import dev.drsorchestrator.devstack.http.EdgeServer;
import dev.drsorchestrator.devstack.http.Json;
import dev.drsorchestrator.devstack.http.ProxyService;
import dev.drsorchestrator.devstack.misc.LambdaService;
import dev.drsorchestrator.devstack.misc.SsmService;
import dev.drsorchestrator.devstack.misc.StsService;
import dev.drsorchestrator.devstack.scheduler.SchedulerService;
import dev.drsorchestrator.devstack.scheduler.Timers;
import dev.drsorchestrator.devstack.sns.SnsService;
import dev.drsorchestrator.devstack.sqs.SqsBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A local AWS in one JVM: SQS (ElasticMQ), DynamoDB (devstack's own), EventBridge, Scheduler, SNS, STS, SSM, Lambda,
 * CloudWatch alarm events and PutMetricData, an EC2 subset ({@link #ec2()}), the DRS simulator and Cognito user pools (the identity provider: {@link #cognito()}), all
 * on one edge port, routed by the SigV4 credential scope. Real AWS SDK v2 clients work against {@link #endpoint()}
 * unchanged.
 *
 * <pre>{@code
 * try (Devstack aws = Devstack.start(DevstackConfig.forTests())) {
 *     SqsClient sqs = SqsClient.builder().endpointOverride(aws.endpoint()) ... .build();
 * }
 * }</pre>
 */
public final class Devstack implements AutoCloseable {
    private final DevstackConfig config;
    private final EdgeServer edge;
    private final Timers timers;
    private final SqsBackend sqs;
    private final DynamoDbService dynamodb;
    private final DeliveryLog deliveries = new DeliveryLog();
    private final EventBridgeService events;
    private final SchedulerService scheduler;
    private final SnsService sns;
    private final StsService sts;
    private final SsmService ssm;
    private final LambdaService lambda;
    private final AlarmService alarms;
    private final MetricsService metrics;
    private final DrsSimulator drs;
    private final Ec2 ec2;
    private final UserPools cognito;
    private final Duration startup;

    private Devstack(DevstackConfig config) throws IOException {
        long t0 = System.nanoTime();
        this.config = config;
        Clock clock = Clock.systemUTC();
        this.edge = new EdgeServer(config.host(), config.port());
        List<AutoCloseable> started = new ArrayList<>();
        try {
            this.timers = new Timers(clock);
            started.add(timers);
            this.sqs = new SqsBackend(config.host(), edge.port(), config.account(), config.region());
            started.add(sqs);
            this.dynamodb = new DynamoDbService(config.account(), config.region(), config.dataDir(), clock);
            started.add(dynamodb);
            this.events = new EventBridgeService(config.account(), config.region(), timers, this::deliver, deliveries);
            this.sns = new SnsService(config.account(), config.region(), clock, sqs, deliveries);
            this.scheduler =
                    new SchedulerService(config.account(), config.region(), timers, this::deliver, events, deliveries);
            this.sts = new StsService(config.account(), clock);
            this.ssm = new SsmService(clock);
            this.lambda = new LambdaService(config.account(), config.region(), clock);
            this.alarms = new AlarmService(config.account(), config.region(), clock, events);
            this.metrics = new MetricsService(clock);
            this.cognito = new UserPools(
                    config.account(),
                    config.region(),
                    URI.create("http://" + config.host() + ":" + edge.port()),
                    clock);
            this.ec2 = new Ec2(clock);
            this.drs = new DrsSimulator(
                    config.account(),
                    config.region(),
                    config.seed(),
                    timers,
                    (account, region, detailType, detail, resources) -> events.putEvent(
                            EventBridgeService.DEFAULT_BUS, "aws.drs", detailType, detail, resources, account, region),
                    ec2);
            drs.timings(config.drsTimings());
            if (config.fleetFile() != null) {
                FleetFile.load(config.fleetFile()).applyTo(drs);
            }
            edge.register(new ProxyService("sqs", sqs.endpoint()));
            edge.register(dynamodb);
            edge.register(events);
            edge.register(scheduler);
            edge.register(sns);
            edge.register(sts);
            edge.register(ssm);
            edge.register(lambda);
            edge.register(metrics);
            edge.register(new DrsApi(drs, sts::accountOf));
            edge.register(new Ec2Service(ec2, sts::accountOf, config.region()));
            edge.register(new CognitoService(cognito));
            OAuthEndpoints oauth = new OAuthEndpoints(cognito);
            edge.route(oauth::matches, oauth::handle);
            edge.admin(new AdminApi(this)::handle);
            edge.start();
        } catch (RuntimeException e) {
            edge.close();
            for (AutoCloseable c : started) {
                try {
                    c.close();
                } catch (Exception suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
        this.startup = Duration.ofNanos(System.nanoTime() - t0);
    }

    /** Starts a devstack; it serves until {@link #close()}. */
    public static Devstack start(DevstackConfig config) {
        try {
            return new Devstack(config);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "devstack could not listen on " + config.host() + ":" + config.port()
                            + " (is another devstack or LocalStack running there?)",
                    e);
        }
    }

    /** Routes a rule's or schedule's payload to its target by ARN. Returns why it failed, or null. */
    private @Nullable String deliver(String arn, String payload, @Nullable String messageGroupId) {
        if (arn.startsWith("arn:aws:sqs:")) {
            return sqs.send(SqsBackend.queueNameFromArn(arn), payload, null, messageGroupId);
        }
        if (arn.startsWith("arn:aws:sns:")) {
            try {
                sns.publish(arn, payload, null);
                return null;
            } catch (AwsServiceException e) {
                return e.code() + ": " + e.getMessage();
            }
        }
        if (arn.startsWith("arn:aws:lambda:")) {
            return lambda.invokeAsync(arn, payload);
        }
        if (arn.contains(":event-bus/")) {
            try {
                JsonNode event = Json.parse(payload);
                List<String> resources = new ArrayList<>();
                event.path("resources").forEach(r -> resources.add(r.asText()));
                events.putEvent(
                        arn,
                        event.path("source").asText(),
                        event.path("detail-type").asText(),
                        (ObjectNode) event.get("detail"),
                        resources,
                        event.path("account").asText(config.account()),
                        event.path("region").asText(config.region()));
                return null;
            } catch (RuntimeException e) {
                return "cannot forward to event bus " + arn + ": " + e.getMessage();
            }
        }
        return "devstack does not deliver to targets like " + arn + " (SQS, SNS, Lambda and event buses only)";
    }

    /** {@code http://host:port}: the one endpoint-override for every AWS client. */
    public URI endpoint() {
        return URI.create("http://" + config.host() + ":" + edge.port());
    }

    public int port() {
        return edge.port();
    }

    public DevstackConfig config() {
        return config;
    }

    public String account() {
        return config.account();
    }

    public String region() {
        return config.region();
    }

    /** How long {@link #start} took. */
    public Duration startupTime() {
        return startup;
    }

    public DrsSimulator drs() {
        return drs;
    }

    /**
     * EC2: per account and Region the seeded network ({@link Ec2#seededNetwork}), launch templates and the
     * instances the DRS simulator launches ({@link Ec2#instances}).
     */
    public Ec2 ec2() {
        return ec2;
    }

    public EventBridgeService events() {
        return events;
    }

    public SchedulerService scheduler() {
        return scheduler;
    }

    public SnsService sns() {
        return sns;
    }

    public SsmService ssm() {
        return ssm;
    }

    public LambdaService lambda() {
        return lambda;
    }

    public DynamoDbService dynamodb() {
        return dynamodb;
    }

    public AlarmService alarms() {
        return alarms;
    }

    /** CloudWatch's PutMetricData: the data points the services published. */
    public MetricsService metrics() {
        return metrics;
    }

    /** The Cognito user pools: the identity provider, with its {@link UserPools#defaultPool() default pool}. */
    public UserPools cognito() {
        return cognito;
    }

    public DeliveryLog deliveries() {
        return deliveries;
    }

    /** The queue URL SQS gives for a queue name (whether or not the queue exists yet). */
    public String queueUrl(String queueName) {
        return sqs.queueUrl(queueName);
    }

    public String queueArn(String queueName) {
        return sqs.queueArn(queueName);
    }

    /**
     * Back to a fresh start: no queues, tables, buses but the default, rules, schedules, topics, alarms, metric data, fleet,
     * jobs, calls or faults; DRS timings back to the configured ones; only the default user pool, with its defaults
     * and no users (its signing keys stay).
     */
    public void reset() {
        events.reset();
        scheduler.reset();
        sns.reset();
        sts.reset();
        ssm.reset();
        lambda.reset();
        alarms.reset();
        metrics.reset();
        cognito.reset();
        deliveries.clear();
        drs.reset(config.seed());
        ec2.reset();
        drs.timings(config.drsTimings());
        sqs.deleteAllQueues();
        dynamodb.deleteAllTables();
    }

    @Override
    public void close() {
        edge.close();
        timers.close();
        sqs.close();
        dynamodb.close();
    }
}
