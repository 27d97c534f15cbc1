package dev.drsorchestrator.drsadapter.adapter.out.dynamodb;

import dev.drsorchestrator.drsadapter.config.DrsConfig;
import dev.drsorchestrator.kit.dynamo.ServiceTables;
import dev.drsorchestrator.kit.dynamo.TableDefinition;
import dev.drsorchestrator.kit.dynamo.TableSpec;
import dev.drsorchestrator.kit.dynamo.TableSpec.Index;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * drs-adapter's table ({@code pk}); every request path is a key lookup or a query, never a scan.
 *
 * <ul>
 *   <li>{@code JOB#<execution>#<wave>#<attempt>#<batch>} (and {@code JOB#<execution>#cleanup#…}): a job request,
 *       its JSON in {@code doc}, {@code version}; while not DONE it carries {@code open=JOB} and {@code queueKey}, so
 *       index {@code byOpen} lists the launch queue and the jobs in flight in queue order; index {@code byExecution}
 *       ({@code executionId}, {@code pk}) lists an execution's jobs;
 *   <li>{@code WAVE#<execution>#<wave>#<attempt>}: a wave attempt was planned (a duplicate request changes nothing);
 *   <li>{@code EXEC#<execution>}: when the execution was first seen (orders the launch queue);
 *   <li>{@code ACTION#…}: a wave action run; {@code open=ACTION} while it runs;
 *   <li>{@code INV#<account>#<region>}: the last inventory sync (fingerprints gzipped in {@code doc}).
 * </ul>
 */
@ApplicationScoped
public class DrsTables implements ServiceTables {

    static final String BY_OPEN = "byOpen";
    static final String BY_EXECUTION = "byExecution";

    /** drs-adapter's table under its default name, with the property that names it. */
    public static final List<TableDefinition> DEFINITIONS = List.of(new TableDefinition(
            "drs.table",
            TableSpec.of(
                    DrsConfig.TABLE,
                    "pk",
                    null,
                    new Index(BY_OPEN, "open", "queueKey"),
                    new Index(BY_EXECUTION, "executionId", "pk"))));

    @Override
    public List<TableDefinition> definitions() {
        return DEFINITIONS;
    }
}
