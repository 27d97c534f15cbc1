package dev.drsorchestrator.kit.dynamo;

import dev.drsorchestrator.kit.audit.AuditTrail;
import dev.drsorchestrator.kit.events.Outbox;
import dev.drsorchestrator.kit.events.ProcessedEvents;
import java.util.List;

/** The tables every service has through the kit: outbox, processed events and audit trail. */
public final class KitTables {

    public static final String OUTBOX_PROPERTY = "kit.outbox.table";
    public static final String PROCESSED_EVENTS_PROPERTY = "kit.processed-events.table";
    public static final String AUDIT_PROPERTY = "kit.audit.table";

    private KitTables() {}

    /** The kit's tables of a service, under their default names ({@code <service>-outbox} and so on). */
    public static List<TableDefinition> definitions(String serviceName) {
        return List.of(
                new TableDefinition(OUTBOX_PROPERTY, Outbox.table(serviceName + "-outbox")),
                new TableDefinition(
                        PROCESSED_EVENTS_PROPERTY, ProcessedEvents.table(serviceName + "-processed-events")),
                new TableDefinition(AUDIT_PROPERTY, AuditTrail.table(serviceName + "-audit")));
    }
}
