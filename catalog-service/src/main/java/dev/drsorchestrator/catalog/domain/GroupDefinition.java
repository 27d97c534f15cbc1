package dev.drsorchestrator.catalog.domain;

import dev.drsorchestrator.contracts.ids.AccountId;
import dev.drsorchestrator.contracts.ids.SourceServerId;
import java.util.Comparator;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/** What a user says a protection group is: its name and place, and which servers it wants. */
public record GroupDefinition(
        String name,
        @Nullable String description,
        AccountId accountId,
        String region,
        @Nullable String owner,
        Set<SourceServerId> explicitServers,
        TagSelector selector) {

    public static final Comparator<SourceServerId> BY_ID = Comparator.comparing(SourceServerId::value);

    public GroupDefinition {
        TreeSet<SourceServerId> sorted = new TreeSet<>(BY_ID);
        sorted.addAll(explicitServers);
        explicitServers = java.util.Collections.unmodifiableSortedSet(sorted);
    }

    public Scope scope() {
        return new Scope(accountId, region);
    }

    /** Whether this definition claims a server with these tags: listed explicitly or matched by the selector. */
    public boolean wants(SourceServerId server, java.util.Map<String, String> tags) {
        return explicitServers.contains(server) || selector.matches(tags);
    }

    /** The case-insensitive name that must be unique within the scope. */
    public String nameKey() {
        return name.toLowerCase(java.util.Locale.ROOT);
    }
}
