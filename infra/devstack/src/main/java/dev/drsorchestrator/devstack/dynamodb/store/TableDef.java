package dev.drsorchestrator.devstack.dynamodb.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A table as created: its key schema, attribute types, indexes and billing, plus the CreateTable request it came from
 * (what the journal replays). Immutable; the table's TTL setting lives in {@link Table}.
 *
 * @param attributeTypes each key attribute's type (S, N or B), table and indexes alike
 * @param request the validated CreateTable request, kept for persistence
 */
public record TableDef(
        String name,
        String arn,
        String tableId,
        Instant created,
        KeySchema key,
        Map<String, String> attributeTypes,
        String billingMode,
        @Nullable Throughput throughput,
        List<IndexDef> globalIndexes,
        List<IndexDef> localIndexes,
        ObjectNode request) {

    public TableDef {
        attributeTypes = Map.copyOf(attributeTypes);
        globalIndexes = List.copyOf(globalIndexes);
        localIndexes = List.copyOf(localIndexes);
    }

    /** Provisioned read and write capacity. */
    public record Throughput(long read, long write) {}

    /** A hash key and an optional range key. */
    public record KeySchema(String hash, @Nullable String range) {
        public List<String> attributes() {
            return range == null ? List.of(hash) : List.of(hash, range);
        }
    }

    /**
     * A secondary index.
     *
     * @param projection ALL, KEYS_ONLY or INCLUDE
     * @param nonKeyAttributes the attributes INCLUDE adds
     */
    public record IndexDef(
            String name,
            boolean global,
            KeySchema key,
            String projection,
            List<String> nonKeyAttributes,
            @Nullable Throughput throughput) {
        public IndexDef {
            nonKeyAttributes = List.copyOf(nonKeyAttributes);
        }
    }

    public List<IndexDef> indexes() {
        List<IndexDef> all = new ArrayList<>(globalIndexes);
        all.addAll(localIndexes);
        return all;
    }

    public Optional<IndexDef> index(String indexName) {
        return indexes().stream().filter(i -> i.name().equals(indexName)).findFirst();
    }

    public String type(String attribute) {
        return attributeTypes.get(attribute);
    }
}
