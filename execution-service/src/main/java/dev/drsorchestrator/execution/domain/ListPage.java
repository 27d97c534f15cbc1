package dev.drsorchestrator.execution.domain;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** One page of a list and where the next one starts (absent on the last page). */
public record ListPage<T>(List<T> items, @Nullable String nextCursor) {
    public ListPage {
        items = List.copyOf(items);
    }
}
