package dev.drsorchestrator.execution.adapter.out.dynamodb;

import dev.drsorchestrator.execution.config.ExecutionConfig.Tables;
import dev.drsorchestrator.kit.dynamo.ServiceTables;
import dev.drsorchestrator.kit.dynamo.TableDefinition;
import dev.drsorchestrator.kit.dynamo.TableSpec;
import dev.drsorchestrator.kit.dynamo.TableSpec.Index;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * execution-service's tables; every request path is a key lookup or a query, never a scan.
 *
 * <ul>
 *   <li>executions ({@code pk}, {@code sk}):
 *       <ul>
 *         <li>{@code EXEC#<id>}/{@code STATE}: the whole state (gzipped JSON), {@code version}, and what lists
 *             filter on ({@code status}, {@code executionType}, {@code triggerType}); index {@code byPlan}
 *             ({@code planId}, {@code listKey}) and index {@code byTime} ({@code kind}, {@code listKey}) list them
 *             newest first ({@code listKey} is the request time then the id);
 *         <li>{@code EXEC#<id>}/{@code T#<version>}: the timeline lines one change added;
 *         <li>{@code HOLDS}/{@code HOLDS}: which plans and servers the active executions hold, versioned.
 *       </ul>
 *   <li>timers ({@code pk} = timer id): due timers; index {@code byDue} ({@code shard}, {@code dueKey}) finds the
 *       ones due.
 * </ul>
 */
@ApplicationScoped
public class ExecutionTables implements ServiceTables {

    static final String BY_PLAN = "byPlan";
    static final String BY_TIME = "byTime";
    static final String BY_DUE = "byDue";

    /** execution-service's tables under their default names, each with the property that names it. */
    public static final List<TableDefinition> DEFINITIONS = List.of(
            new TableDefinition(
                    "execution.tables.executions",
                    TableSpec.of(
                            Tables.EXECUTIONS,
                            "pk",
                            "sk",
                            new Index(BY_PLAN, "planId", "listKey"),
                            new Index(BY_TIME, "kind", "listKey"))),
            new TableDefinition(
                    "execution.tables.timers",
                    TableSpec.of(Tables.TIMERS, "pk", null, new Index(BY_DUE, "shard", "dueKey"))));

    @Override
    public List<TableDefinition> definitions() {
        return DEFINITIONS;
    }
}
