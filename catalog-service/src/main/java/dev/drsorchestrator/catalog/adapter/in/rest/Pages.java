package dev.drsorchestrator.catalog.adapter.in.rest;

import dev.drsorchestrator.catalog.domain.ListPage;
import dev.drsorchestrator.kit.rest.Cursors;
import dev.drsorchestrator.kit.rest.Page;
import java.util.function.Function;

/** Turns a store's page into the API's page, with an opaque cursor. */
final class Pages {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    private Pages() {}

    static <D, T> Page<T> of(ListPage<D> page, Function<D, T> view) {
        return new Page<>(
                page.items().stream().map(view).toList(), page.next() == null ? null : Cursors.encode(page.next()));
    }
}
