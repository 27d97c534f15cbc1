package dev.drsorchestrator.kit.dynamo;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A DynamoDB table as a service uses it: string keys, on-demand billing, global secondary indexes that project
 * every attribute, and an optional TTL attribute. The provisioner creates it in dev and test; {@code infra/aws}
 * deploys the same key schema.
 */
public record TableSpec(
        String name,
        String hashKey,
        @Nullable String rangeKey,
        List<Index> indexes,
        @Nullable String ttlAttribute) {

    public TableSpec {
        indexes = List.copyOf(indexes);
    }

    public static TableSpec of(String name, String hashKey, @Nullable String rangeKey, Index... indexes) {
        return new TableSpec(name, hashKey, rangeKey, List.of(indexes), null);
    }

    public TableSpec withTtl(String attribute) {
        return new TableSpec(name, hashKey, rangeKey, indexes, attribute);
    }

    /** A global secondary index with string keys that projects all attributes. */
    public record Index(
            String name, String hashKey, @Nullable String rangeKey) {}
}
