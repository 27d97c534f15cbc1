package dev.drsorchestrator.kit.aws;

import dev.drsorchestrator.contracts.routing.RoutingTable;
import dev.drsorchestrator.kit.config.KitConfig;
import dev.drsorchestrator.kit.dynamo.KitTables;
import dev.drsorchestrator.kit.dynamo.ServiceTables;
import dev.drsorchestrator.kit.dynamo.TableDefinition;
import dev.drsorchestrator.kit.dynamo.TableSpec;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * In dev and test ({@code kit.provision=true}): creates what the service needs when it is missing — its tables
 * (plus outbox and processed-events), its inbox queue with a dead-letter queue (maxReceiveCount 5), the project bus
 * and the rules that feed the inbox, all from the same definitions {@code infra/aws} deploys. Idempotent.
 */
@ApplicationScoped
public class Provisioner {

    private static final Logger LOG = Logger.getLogger(Provisioner.class);

    private final KitConfig config;
    private final DynamoDbClient dynamo;
    private final SqsClient sqs;
    private final EventBridgeClient eventBridge;
    private final Instance<ServiceTables> serviceTables;
    private final Config settings;

    Provisioner(
            KitConfig config,
            Config settings,
            DynamoDbClient dynamo,
            SqsClient sqs,
            EventBridgeClient eventBridge,
            Instance<ServiceTables> serviceTables) {
        this.config = config;
        this.dynamo = dynamo;
        this.sqs = sqs;
        this.eventBridge = eventBridge;
        this.serviceTables = serviceTables;
        this.settings = settings;
    }

    void onStart(@Observes @Priority(100) StartupEvent event) {
        if (config.provision()) {
            provision();
        }
    }

    /** Every table of this service, its own and the kit's. */
    public List<TableSpec> tables() {
        List<TableDefinition> definitions = new ArrayList<>();
        serviceTables.forEach(t -> definitions.addAll(t.definitions()));
        definitions.addAll(KitTables.definitions(config.serviceName()));
        // Each under the name its property has here (its default unless the profile or environment sets one).
        return definitions.stream()
                .map(d -> d.named(settings.getValue(d.property(), String.class)))
                .toList();
    }

    public void provision() {
        tables().forEach(table -> Provisioning.createTable(dynamo, table));
        String inbox = config.inbox().queue();
        String queueArn = Provisioning.createInbox(sqs, inbox, config.inbox().visibilityTimeoutSeconds());
        String prefix = config.rulePrefix().orElse(config.busName());
        Provisioning.createBusAndRules(
                eventBridge,
                config.busName(),
                RoutingTable.rules(config.busName(), prefix).stream()
                        .filter(rule -> rule.targetQueueName().equals(inbox))
                        .toList(),
                queueArn);
        LOG.infof("provisioned tables, %s (+ dead-letter queue) and rules", inbox);
    }
}
