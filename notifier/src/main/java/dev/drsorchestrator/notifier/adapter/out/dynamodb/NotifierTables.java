package dev.drsorchestrator.notifier.adapter.out.dynamodb;

import dev.drsorchestrator.kit.dynamo.ServiceTables;
import dev.drsorchestrator.kit.dynamo.TableDefinition;
import dev.drsorchestrator.kit.dynamo.TableSpec;
import dev.drsorchestrator.kit.dynamo.TableSpec.Index;
import dev.drsorchestrator.notifier.config.NotifierConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * notifier's table ({@code pk}); every request path is a key lookup or a query, never a scan.
 *
 * <ul>
 *   <li>{@code N#<eventId>}: a notification (JSON in {@code doc}, {@code version}); index {@code byTime}
 *       ({@code kind}=N, {@code listKey} = creation time then id) is the delivery log, newest first; while PENDING
 *       it carries {@code pending}=1 and {@code dueKey} (next attempt), so index {@code byDue} finds what to send;
 *   <li>{@code S#<id>}: a subscription; index {@code byTime} ({@code kind}=S) lists them.
 * </ul>
 */
@ApplicationScoped
public class NotifierTables implements ServiceTables {

    static final String BY_TIME = "byTime";
    static final String BY_DUE = "byDue";

    /** notifier's table under its default name, with the property that names it. */
    public static final List<TableDefinition> DEFINITIONS = List.of(new TableDefinition(
            "notifier.table",
            TableSpec.of(
                    NotifierConfig.TABLE,
                    "pk",
                    null,
                    new Index(BY_TIME, "kind", "listKey"),
                    new Index(BY_DUE, "pending", "dueKey"))));

    @Override
    public List<TableDefinition> definitions() {
        return DEFINITIONS;
    }
}
