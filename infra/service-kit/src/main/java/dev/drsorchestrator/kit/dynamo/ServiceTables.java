package dev.drsorchestrator.kit.dynamo;

import java.util.List;

/** A service's own tables (besides its outbox and processed-events tables, which the kit adds). One bean per service. */
public interface ServiceTables {

    List<TableSpec> tables();
}
