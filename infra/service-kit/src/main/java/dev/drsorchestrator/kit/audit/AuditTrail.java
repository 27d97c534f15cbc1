package dev.drsorchestrator.kit.audit;

import static dev.drsorchestrator.kit.dynamo.Items.n;
import static dev.drsorchestrator.kit.dynamo.Items.s;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.drsorchestrator.kit.config.KitConfig;
import dev.drsorchestrator.kit.dynamo.Items;
import dev.drsorchestrator.kit.dynamo.Paging;
import dev.drsorchestrator.kit.dynamo.TableSpec;
import dev.drsorchestrator.kit.rest.Page;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The service's audit trail: one item per state-changing request in its {@code <service>-audit} table, kept
 * {@code kit.audit.retention} (400 days) with DynamoDB TTL, and the same entry as one JSON log line (logger
 * {@code audit}) for CloudWatch Logs Insights. Entries share one partition, newest last by time; people's requests
 * are far below a partition's write limit.
 */
@ApplicationScoped
public class AuditTrail {

    private static final Logger LOG = Logger.getLogger("audit");
    private static final Logger ERRORS = Logger.getLogger(AuditTrail.class);
    static final String PK = "pk";
    static final String SK = "sk";
    static final String PARTITION = "audit";
    static final String TTL = "expiresAt";
    static final List<String> KEYS = List.of(PK, SK);
    /** Fixed width, so that the sort key orders by time. */
    static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final DynamoDbClient dynamo;
    private final String table;
    private final long retentionSeconds;

    AuditTrail(DynamoDbClient dynamo, KitConfig config) {
        this.dynamo = dynamo;
        this.table = config.audit().table();
        this.retentionSeconds = config.audit().retention().toSeconds();
    }

    public static TableSpec table(String name) {
        return TableSpec.of(name, PK, SK).withTtl(TTL);
    }

    /** The entry as a write in the change's own transaction (outcome {@code COMMITTED} until the answer is known). */
    public TransactWriteItem inTransaction(AuditEntry entry) {
        return TransactWriteItem.builder()
                .put(Put.builder().tableName(table).item(item(entry)).build())
                .build();
    }

    /** Stores the answered request (replacing what its transaction recorded) and logs it as one JSON line. */
    public void record(AuditEntry entry) {
        LOG.info(json(entry));
        try {
            dynamo.putItem(r -> r.tableName(table).item(item(entry)));
        } catch (SdkException e) {
            // The JSON log line above still holds it.
            ERRORS.errorf(e, "could not store audit entry %s in %s", entry.id(), table);
        }
    }

    public record Filter(
            @Nullable String actor,
            @Nullable String target,
            @Nullable String outcome,
            @Nullable Instant from,
            @Nullable Instant to) {}

    /** Newest first. */
    public Page<AuditEntry> list(Filter filter, int limit, @Nullable Map<String, String> position) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        names.put("#pk", PK);
        values.put(":pk", s(PARTITION));
        String key = "#pk = :pk";
        String from = filter.from() == null ? null : TIME.format(filter.from());
        // The upper bound includes every entry of its millisecond (ids follow the time in the key).
        String to = filter.to() == null ? null : TIME.format(filter.to()) + "#~";
        if (from != null || to != null) {
            names.put("#sk", SK);
        }
        if (from != null && to != null) {
            key += " AND #sk BETWEEN :from AND :to";
            values.put(":from", s(from));
            values.put(":to", s(to));
        } else if (from != null) {
            key += " AND #sk >= :from";
            values.put(":from", s(from));
        } else if (to != null) {
            key += " AND #sk <= :to";
            values.put(":to", s(to));
        }
        List<String> conditions = new ArrayList<>();
        if (filter.actor() != null) {
            names.put("#actor", "actor");
            names.put("#actorId", "actorId");
            values.put(":actor", s(filter.actor()));
            conditions.add("(#actor = :actor OR #actorId = :actor)");
        }
        if (filter.target() != null) {
            names.put("#targets", "targets");
            values.put(":target", s(filter.target()));
            conditions.add("contains(#targets, :target)");
        }
        if (filter.outcome() != null) {
            names.put("#outcome", "outcome");
            values.put(":outcome", s(filter.outcome()));
            conditions.add("#outcome = :outcome");
        }
        QueryRequest.Builder query = QueryRequest.builder()
                .tableName(table)
                .keyConditionExpression(key)
                .scanIndexForward(false)
                .expressionAttributeNames(names)
                .expressionAttributeValues(values);
        if (!conditions.isEmpty()) {
            query.filterExpression(String.join(" AND ", conditions));
        }
        Paging.Result result =
                Paging.collect(dynamo, query, limit, position == null ? null : Paging.toKey(position, KEYS), KEYS);
        List<AuditEntry> entries =
                result.items().stream().map(AuditTrail::entry).toList();
        return new Page<>(
                entries,
                result.next() == null
                        ? null
                        : dev.drsorchestrator.kit.rest.Cursors.encode(Paging.fromKey(result.next())));
    }

    private Map<String, AttributeValue> item(AuditEntry e) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, s(PARTITION));
        item.put(SK, s(TIME.format(e.at()) + "#" + e.id()));
        item.put("id", s(e.id()));
        item.put("at", s(e.at().toString()));
        item.put("service", s(e.service()));
        if (e.actorId() != null) {
            item.put("actorId", s(e.actorId()));
        }
        item.put("actor", s(e.actor()));
        item.put("roles", AttributeValue.fromL(e.roles().stream().map(Items::s).toList()));
        if (e.clientIp() != null) {
            item.put("clientIp", s(e.clientIp()));
        }
        item.put("method", s(e.method()));
        item.put("path", s(e.path()));
        item.put(
                "targets",
                AttributeValue.fromL(e.targets().stream().map(Items::s).toList()));
        item.put("status", n(e.status()));
        item.put("outcome", s(e.outcome()));
        if (e.correlationId() != null) {
            item.put("correlationId", s(e.correlationId()));
        }
        if (e.detail() != null) {
            item.put("detail", s(e.detail()));
        }
        item.put(TTL, n(e.at().getEpochSecond() + retentionSeconds));
        return item;
    }

    private static AuditEntry entry(Map<String, AttributeValue> item) {
        return new AuditEntry(
                Items.requiredStr(item, "id"),
                Instant.parse(Items.requiredStr(item, "at")),
                Items.requiredStr(item, "service"),
                Items.str(item, "actorId"),
                Items.requiredStr(item, "actor"),
                Items.strList(item, "roles"),
                Items.str(item, "clientIp"),
                Items.requiredStr(item, "method"),
                Items.requiredStr(item, "path"),
                Items.strList(item, "targets"),
                (int) Items.num(item, "status", 0),
                Items.requiredStr(item, "outcome"),
                Items.str(item, "correlationId"),
                Items.str(item, "detail"));
    }

    static String json(AuditEntry entry) {
        try {
            return JSON.writeValueAsString(entry);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
