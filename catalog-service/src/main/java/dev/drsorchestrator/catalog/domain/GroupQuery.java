package dev.drsorchestrator.catalog.domain;

import dev.drsorchestrator.contracts.ids.AccountId;
import org.jspecify.annotations.Nullable;

/** Filters of the group list; every one optional. */
public record GroupQuery(
        @Nullable AccountId accountId,
        @Nullable String region,
        @Nullable String namePrefix) {}
