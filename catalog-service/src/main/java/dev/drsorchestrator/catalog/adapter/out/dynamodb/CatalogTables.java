package dev.drsorchestrator.catalog.adapter.out.dynamodb;

import dev.drsorchestrator.catalog.config.CatalogConfig.Tables;
import dev.drsorchestrator.kit.dynamo.ServiceTables;
import dev.drsorchestrator.kit.dynamo.TableDefinition;
import dev.drsorchestrator.kit.dynamo.TableSpec;
import dev.drsorchestrator.kit.dynamo.TableSpec.Index;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * catalog-service's tables and their indexes; every request path is a key lookup or a query on one of them.
 *
 * <ul>
 *   <li>groups ({@code pk}, {@code sk}): group items ({@code <groupId>}/{@code GROUP}), one scope item per account
 *       and region ({@code SCOPES}/{@code <account>#<region>}: version, group ids, pending assignments) and sync
 *       progress ({@code SYNC#<syncId>}/{@code SYNC}, expiring). Indexes: {@code byScope} (groups of a scope by
 *       name), {@code byName} (all groups by name).
 *   <li>servers ({@code serverId}). Indexes by {@code scope}, by {@code assignKey} (a group id, or
 *       {@code UNASSIGNED#<scope>}) and by {@code stateKey} ({@code <scope>#<replicationState>}), each sorted by
 *       {@code hostKey} (lower-case hostname, then id) so that a hostname prefix is a key condition.
 *   <li>plan usage ({@code pk}, {@code sk}): {@code PLAN#<id>}/{@code META} (version, groups) and
 *       {@code GROUP#<id>}/{@code PLAN#<id>} (name).
 * </ul>
 */
@ApplicationScoped
public class CatalogTables implements ServiceTables {

    static final String BY_SCOPE = "byScope";
    static final String BY_NAME = "byName";
    static final String BY_ASSIGNMENT = "byAssignment";
    static final String BY_STATE = "byState";

    /** The catalog's tables under their default names, each with the property that names it. */
    public static final List<TableDefinition> DEFINITIONS = List.of(
            new TableDefinition(
                    "catalog.tables.groups",
                    TableSpec.of(
                                    Tables.GROUPS,
                                    "pk",
                                    "sk",
                                    new Index(BY_SCOPE, "gsiScope", "nameKey"),
                                    new Index(BY_NAME, "kind", "nameKey"))
                            .withTtl("expiresAt")),
            new TableDefinition(
                    "catalog.tables.servers",
                    TableSpec.of(
                            Tables.SERVERS,
                            "serverId",
                            null,
                            new Index(BY_SCOPE, "scope", "hostKey"),
                            new Index(BY_ASSIGNMENT, "assignKey", "hostKey"),
                            new Index(BY_STATE, "stateKey", "hostKey"))),
            new TableDefinition("catalog.tables.plan-usage", TableSpec.of(Tables.PLAN_USAGE, "pk", "sk")));

    @Override
    public List<TableDefinition> definitions() {
        return DEFINITIONS;
    }
}
