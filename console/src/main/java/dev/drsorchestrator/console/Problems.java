package dev.drsorchestrator.console;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** The console's own refusals as {@code application/problem+json}, in the services' shape (docs/security.md). */
final class Problems {

    static final String TYPE_BASE = "https://drs-orchestrator.dev/problems/";

    private Problems() {}

    static void send(RoutingContext ctx, int status, String type, String title, String detail) {
        JsonObject body = new JsonObject()
                .put("type", TYPE_BASE + type)
                .put("title", title)
                .put("status", status)
                .put("detail", detail)
                .put("instance", ctx.request().path());
        ctx.response()
                .setStatusCode(status)
                .putHeader("Content-Type", "application/problem+json")
                .putHeader("Cache-Control", "no-store")
                .end(body.encode());
    }
}
