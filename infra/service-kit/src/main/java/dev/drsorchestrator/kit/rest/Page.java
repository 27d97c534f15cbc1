package dev.drsorchestrator.kit.rest;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** One page of a list: the items, and the cursor of the next page (absent on the last page). */
public record Page<T>(List<T> items, @Nullable String nextCursor) {

    public Page {
        items = List.copyOf(items);
    }
}
