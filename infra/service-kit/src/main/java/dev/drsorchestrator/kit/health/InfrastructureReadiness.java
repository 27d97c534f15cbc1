package dev.drsorchestrator.kit.health;

import dev.drsorchestrator.kit.aws.Provisioner;
import dev.drsorchestrator.kit.config.KitConfig;
import dev.drsorchestrator.kit.dynamo.TableSpec;
import io.smallrye.reactive.messaging.health.HealthReport;
import io.smallrye.reactive.messaging.providers.extension.HealthCenter;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Ready when every table of the service answers, its inbox queue exists and the inbox channel is consuming; says which
 * one is not. The channel stops only when receiving failed beyond the SDK's retries (SmallRye's liveness says so):
 * then the service is not ready, and in AWS the load balancer's health check has the task replaced.
 */
@Readiness
@ApplicationScoped
public class InfrastructureReadiness implements HealthCheck {

    private final Provisioner provisioner;
    private final DynamoDbClient dynamo;
    private final SqsClient sqs;
    private final KitConfig config;
    private final HealthCenter messaging;

    InfrastructureReadiness(
            Provisioner provisioner, DynamoDbClient dynamo, SqsClient sqs, KitConfig config, HealthCenter messaging) {
        this.provisioner = provisioner;
        this.dynamo = dynamo;
        this.sqs = sqs;
        this.config = config;
        this.messaging = messaging;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("tables and inbox queue");
        boolean up = true;
        for (TableSpec table : provisioner.tables()) {
            try {
                String status = dynamo.describeTable(r -> r.tableName(table.name()))
                        .table()
                        .tableStatusAsString();
                response.withData(table.name(), status);
                up &= "ACTIVE".equals(status) || "UPDATING".equals(status);
            } catch (RuntimeException e) {
                response.withData(table.name(), "unavailable: " + e.getMessage());
                up = false;
            }
        }
        String queue = config.inbox().queue();
        try {
            sqs.getQueueUrl(r -> r.queueName(queue));
            response.withData(queue, "available");
        } catch (RuntimeException e) {
            response.withData(queue, "unavailable: " + e.getMessage());
            up = false;
        }
        for (HealthReport.ChannelInfo channel : messaging.getLiveness().getChannels()) {
            if (!channel.isOk()) {
                response.withData("channel " + channel.getChannel(), "stopped: " + channel.getMessage());
                up = false;
            }
        }
        return response.status(up).build();
    }
}
