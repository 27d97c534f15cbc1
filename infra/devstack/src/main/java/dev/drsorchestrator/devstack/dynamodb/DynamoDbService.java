package dev.drsorchestrator.devstack.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.devstack.dynamodb.store.Database;
import dev.drsorchestrator.devstack.http.AwsRequest;
import dev.drsorchestrator.devstack.http.AwsService;
import dev.drsorchestrator.devstack.http.HttpResult;
import dev.drsorchestrator.devstack.http.Protocol;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * DynamoDB (awsJson1.0, {@code X-Amz-Target: DynamoDB_20120810.*}), devstack's own: tables with global and local
 * secondary indexes, items, expressions, queries and scans with paging, batches, transactions and TTL, in memory or
 * journaled to a data directory. One database serves every access key and region, as one AWS account's tables would.
 * Its fidelity to AWS is checked by the conformance suite, which also runs against moto.
 */
public final class DynamoDbService implements AwsService, AutoCloseable {
    /** How often expired items are deleted. */
    public static final Duration TTL_SWEEP = Duration.ofSeconds(1);

    private final Database db;
    private final TableOperations tables;
    private final ItemOperations items;
    private final ReadOperations reads;
    private final BatchOperations batches;
    private final TransactOperations transactions;
    private final TtlSweeper sweeper;

    public DynamoDbService(String account, String region, @Nullable Path dataDir, Clock clock) {
        this.db = new Database(account, region, dataDir == null ? null : dataDir.resolve("dynamodb"));
        this.tables = new TableOperations(db, clock);
        this.items = new ItemOperations(db);
        this.reads = new ReadOperations(db);
        this.batches = new BatchOperations(db);
        this.transactions = new TransactOperations(db, clock);
        this.sweeper = new TtlSweeper(db, clock, TTL_SWEEP);
    }

    @Override
    public String signingName() {
        return "dynamodb";
    }

    @Override
    public Protocol protocol() {
        return Protocol.JSON;
    }

    @Override
    public String jsonContentType() {
        return "application/x-amz-json-1.0";
    }

    @Override
    public HttpResult handle(AwsRequest request) {
        JsonNode in = request.json();
        String operation = request.target();
        ObjectNode out =
                switch (operation) {
                    case "CreateTable" -> tables.createTable(in);
                    case "DescribeTable" -> tables.describeTable(in);
                    case "ListTables" -> tables.listTables(in);
                    case "DeleteTable" -> tables.deleteTable(in);
                    case "UpdateTimeToLive" -> tables.updateTimeToLive(in);
                    case "DescribeTimeToLive" -> tables.describeTimeToLive(in);
                    case "PutItem" -> items.putItem(in);
                    case "GetItem" -> items.getItem(in);
                    case "UpdateItem" -> items.updateItem(in);
                    case "DeleteItem" -> items.deleteItem(in);
                    case "Query" -> reads.query(in);
                    case "Scan" -> reads.scan(in);
                    case "BatchGetItem" -> batches.batchGetItem(in);
                    case "BatchWriteItem" -> batches.batchWriteItem(in);
                    case "TransactWriteItems" -> transactions.transactWriteItems(in);
                    case "TransactGetItems" -> transactions.transactGetItems(in);
                    default -> throw DynamoErrors.unknownOperation(operation);
                };
        return HttpResult.json(200, out, jsonContentType());
    }

    /** Deletes every table (the admin reset). */
    public void deleteAllTables() {
        db.write(changes -> {
            List<String> names = new ArrayList<>(changes.database().tables().keySet());
            names.forEach(changes::drop);
            transactions.forgetTokens();
            return null;
        });
    }

    @Override
    public void close() {
        sweeper.close();
        db.close();
    }
}
