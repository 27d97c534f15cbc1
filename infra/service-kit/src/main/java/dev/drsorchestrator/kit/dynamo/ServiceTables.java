package dev.drsorchestrator.kit.dynamo;

import java.util.List;

/**
 * A service's own tables (besides its outbox, processed-events and audit tables, which the kit adds: {@link
 * KitTables}). One bean per service; its definitions are also a public constant of the implementing class, so
 * {@code infra/aws} deploys exactly these without starting the service.
 */
public interface ServiceTables {

    List<TableDefinition> definitions();
}
