package dev.drsorchestrator.kit.health;

import dev.drsorchestrator.kit.aws.Provisioner;
import dev.drsorchestrator.kit.config.KitConfig;
import dev.drsorchestrator.kit.dynamo.TableSpec;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Ready when every table of the service answers and its inbox queue exists; says which one does not. */
@Readiness
@ApplicationScoped
public class InfrastructureReadiness implements HealthCheck {

    private final Provisioner provisioner;
    private final DynamoDbClient dynamo;
    private final SqsClient sqs;
    private final KitConfig config;

    InfrastructureReadiness(Provisioner provisioner, DynamoDbClient dynamo, SqsClient sqs, KitConfig config) {
        this.provisioner = provisioner;
        this.dynamo = dynamo;
        this.sqs = sqs;
        this.config = config;
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
        return response.status(up).build();
    }
}
