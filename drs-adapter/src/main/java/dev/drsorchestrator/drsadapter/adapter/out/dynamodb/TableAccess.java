package dev.drsorchestrator.drsadapter.adapter.out.dynamodb;

import static dev.drsorchestrator.kit.dynamo.Items.n;
import static dev.drsorchestrator.kit.dynamo.Items.s;

import dev.drsorchestrator.drsadapter.config.DrsConfig;
import dev.drsorchestrator.drsadapter.domain.Consumed;
import dev.drsorchestrator.drsadapter.domain.JobStore.Conflict;
import dev.drsorchestrator.drsadapter.domain.Outgoing;
import dev.drsorchestrator.kit.dynamo.Items;
import dev.drsorchestrator.kit.dynamo.Transaction;
import dev.drsorchestrator.kit.dynamo.TransactionFailed;
import dev.drsorchestrator.kit.dynamo.Transactions;
import dev.drsorchestrator.kit.events.Delivery;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/** drs-adapter's table as its stores use it: keyed reads, open-item queries, conditional puts, outbox commits. */
@ApplicationScoped
class TableAccess {

    private final DynamoDbClient dynamo;
    private final Transactions transactions;
    private final String table;

    TableAccess(DynamoDbClient dynamo, Transactions transactions, DrsConfig config) {
        this.dynamo = dynamo;
        this.transactions = transactions;
        this.table = config.table();
    }

    String table() {
        return table;
    }

    /** The items of these keys that exist (strongly consistent, 100 keys a call). */
    List<Map<String, AttributeValue>> getAll(List<String> pks) {
        return Items.batchGet(
                dynamo, table, pks.stream().map(pk -> Map.of("pk", s(pk))).toList());
    }

    void commit(Transaction tx, List<Outgoing> events, @Nullable Consumed consumed) {
        for (Outgoing e : events) {
            tx.publish(e.metadata(), e.payload());
        }
        if (consumed != null) {
            tx.markProcessed(new Delivery(consumed.eventId(), consumed.detailType(), consumed.receiveCount()));
        }
        try {
            transactions.commit(tx);
        } catch (TransactionFailed e) {
            throw new Conflict("a concurrent change won (" + e.getMessage() + "); read again and retry");
        }
    }

    @Nullable
    Map<String, AttributeValue> get(String pk) {
        Map<String, AttributeValue> item = dynamo.getItem(
                        r -> r.tableName(table).key(Map.of("pk", s(pk))).consistentRead(true))
                .item();
        return item == null || item.isEmpty() ? null : item;
    }

    QueryRequest.Builder open(String kind) {
        return QueryRequest.builder()
                .tableName(table)
                .indexName(DrsTables.BY_OPEN)
                .keyConditionExpression("#open = :k")
                .expressionAttributeNames(Map.of("#open", "open"))
                .expressionAttributeValues(Map.of(":k", s(kind)));
    }

    List<Map<String, AttributeValue>> queryAll(QueryRequest.Builder query) {
        List<Map<String, AttributeValue>> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse page = dynamo.query(query.exclusiveStartKey(start).build());
            out.addAll(page.items());
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }

    TransactWriteItem putNew(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder()
                .put(Put.builder()
                        .tableName(table)
                        .item(item)
                        .conditionExpression("attribute_not_exists(pk)")
                        .build())
                .build();
    }

    TransactWriteItem putVersioned(Map<String, AttributeValue> item, long expected) {
        return TransactWriteItem.builder()
                .put(Put.builder()
                        .tableName(table)
                        .item(item)
                        .conditionExpression("#v = :v")
                        .expressionAttributeNames(Map.of("#v", "version"))
                        .expressionAttributeValues(Map.of(":v", n(expected)))
                        .build())
                .build();
    }
}
