package dev.drsorchestrator.plan.adapter.out.dynamodb;

import dev.drsorchestrator.kit.dynamo.ServiceTables;
import dev.drsorchestrator.kit.dynamo.TableDefinition;
import dev.drsorchestrator.kit.dynamo.TableSpec;
import dev.drsorchestrator.kit.dynamo.TableSpec.Index;
import dev.drsorchestrator.plan.config.PlanConfig.Tables;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * plan-service's tables; every request path is a key lookup or a query.
 *
 * <ul>
 *   <li>plans ({@code pk}, {@code sk}), items expire by {@code expiresAt}:
 *       <ul>
 *         <li>{@code PLAN#<id>}/{@code PLAN}: the definition (JSON), name, version; index {@code byName}
 *             ({@code kind}, {@code nameKey}) lists plans by name;
 *         <li>{@code PLANNAME#<lower-case name>}/{@code NAME}: the claim that keeps names unique;
 *         <li>{@code PLAN#<id>}/{@code LAST}: the last execution; {@code PLAN#<id>}/{@code KEY#<key>}: a request's
 *             idempotency key (a day); {@code PLAN#<id>}/{@code COOLDOWN}: when the last alarm-triggered execution's
 *             alarm fired; {@code PLAN#<id>}/{@code ACT#<time>#<event id>}: activations (90 days);
 *         <li>{@code PLAN#<id>}/{@code ALARMS}: the alarm bindings; {@code ALARM#<name>}/{@code PLAN#<id>}: the
 *             lookup from an alarm to its plans; {@code PLAN#<id>}/{@code SCHEDULE}: the drill schedule.
 *       </ul>
 *   <li>catalog ({@code pk}): {@code GROUP#<id>} (members, conflicts, version, deleted, launch settings and each
 *       server's overrides as JSON), {@code SERVER#<id>} (replication state, lag, sync time, the launch settings it
 *       would use as JSON) and {@code NETWORK#<account>#<region>} (the latest network inventory: subnets and security
 *       groups as JSON, sync time).
 * </ul>
 */
@ApplicationScoped
public class PlanTables implements ServiceTables {

    static final String BY_NAME = "byName";

    /** plan-service's tables under their default names, each with the property that names it. */
    public static final List<TableDefinition> DEFINITIONS = List.of(
            new TableDefinition(
                    "plan.tables.plans",
                    TableSpec.of(Tables.PLANS, "pk", "sk", new Index(BY_NAME, "kind", "nameKey"))
                            .withTtl("expiresAt")),
            new TableDefinition("plan.tables.catalog", TableSpec.of(Tables.CATALOG, "pk", null)));

    @Override
    public List<TableDefinition> definitions() {
        return DEFINITIONS;
    }
}
