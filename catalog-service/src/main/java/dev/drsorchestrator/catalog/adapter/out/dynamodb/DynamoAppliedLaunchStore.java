package dev.drsorchestrator.catalog.adapter.out.dynamodb;

import static dev.drsorchestrator.kit.dynamo.Items.n;
import static dev.drsorchestrator.kit.dynamo.Items.s;

import dev.drsorchestrator.catalog.config.CatalogConfig;
import dev.drsorchestrator.catalog.domain.AppliedLaunch;
import dev.drsorchestrator.catalog.domain.AppliedLaunchStore;
import dev.drsorchestrator.catalog.domain.ConsumedEvent;
import dev.drsorchestrator.contracts.ids.ProtectionGroupId;
import dev.drsorchestrator.contracts.ids.SourceServerId;
import dev.drsorchestrator.contracts.model.LaunchSettingsOutcome;
import dev.drsorchestrator.kit.dynamo.Items;
import dev.drsorchestrator.kit.dynamo.Transaction;
import dev.drsorchestrator.kit.dynamo.Transactions;
import dev.drsorchestrator.kit.events.Delivery;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * drs-adapter's launch-settings results in the groups table, one item per group and server
 * ({@code APPLIED#<groupId>}/{@code <serverId>}). Each write is conditional on not going back in group version (or,
 * at the same version, in time), so a late or repeated result changes nothing; the event id is recorded last.
 */
@ApplicationScoped
class DynamoAppliedLaunchStore implements AppliedLaunchStore {

    static final String PREFIX = "APPLIED#";

    private final DynamoDbClient dynamo;
    private final Transactions transactions;
    private final String table;

    DynamoAppliedLaunchStore(DynamoDbClient dynamo, Transactions transactions, CatalogConfig config) {
        this.dynamo = dynamo;
        this.transactions = transactions;
        this.table = config.tables().groups();
    }

    @Override
    public void apply(ProtectionGroupId group, List<AppliedLaunch> results, ConsumedEvent consumed) {
        for (AppliedLaunch r : results) {
            Map<String, AttributeValue> item = new HashMap<>();
            item.put("pk", s(PREFIX + group.value()));
            item.put("sk", s(r.sourceServerId().value()));
            item.put("groupVersion", n(r.groupVersion()));
            item.put("outcome", s(r.outcome().name()));
            if (r.launchTemplateId() != null) {
                item.put("launchTemplateId", s(r.launchTemplateId()));
            }
            if (r.launchTemplateVersion() != null) {
                item.put("launchTemplateVersion", n(r.launchTemplateVersion()));
            }
            if (r.message() != null) {
                item.put("message", s(r.message()));
            }
            item.put("appliedAt", n(r.appliedAt().toEpochMilli()));
            item.put("appliedAtText", s(r.appliedAt().toString()));
            try {
                dynamo.putItem(p -> p.tableName(table)
                        .item(item)
                        .conditionExpression("attribute_not_exists(#pk) OR #v < :v OR (#v = :v AND #at <= :at)")
                        .expressionAttributeNames(Map.of("#pk", "pk", "#v", "groupVersion", "#at", "appliedAt"))
                        .expressionAttributeValues(Map.of(
                                ":v",
                                n(r.groupVersion()),
                                ":at",
                                n(r.appliedAt().toEpochMilli()))));
            } catch (ConditionalCheckFailedException newer) {
                // a result for a later group version (or a later application) is stored
            }
        }
        transactions.commit(
                new Transaction().markProcessed(new Delivery(consumed.eventId(), consumed.detailType(), 1)));
    }

    @Override
    public Map<SourceServerId, AppliedLaunch> find(ProtectionGroupId group) {
        Map<SourceServerId, AppliedLaunch> found = new LinkedHashMap<>();
        dynamo.queryPaginator(q -> q.tableName(table)
                        .keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", s(PREFIX + group.value())))
                        .consistentRead(true))
                .items()
                .forEach(i -> {
                    SourceServerId id = SourceServerId.of(Items.requiredStr(i, "sk"));
                    found.put(
                            id,
                            new AppliedLaunch(
                                    id,
                                    Items.num(i, "groupVersion", 0),
                                    LaunchSettingsOutcome.valueOf(Items.requiredStr(i, "outcome")),
                                    Items.str(i, "launchTemplateId"),
                                    Items.num(i, "launchTemplateVersion"),
                                    Items.str(i, "message"),
                                    Instant.parse(Items.requiredStr(i, "appliedAtText"))));
                });
        return found;
    }
}
