package dev.drsorchestrator.kit.dynamo;

/**
 * A table as the code defines it: the configuration property that names it (such as {@code catalog.tables.groups})
 * and its shape under its default name. The provisioner creates it in dev and test under the configured name;
 * {@code infra/aws} deploys the same shape under a deployment's name and sets the property, through its environment
 * variable, to that name.
 */
public record TableDefinition(String property, TableSpec spec) {

    /** The same table under another name. */
    public TableSpec named(String name) {
        return new TableSpec(name, spec.hashKey(), spec.rangeKey(), spec.indexes(), spec.ttlAttribute());
    }
}
