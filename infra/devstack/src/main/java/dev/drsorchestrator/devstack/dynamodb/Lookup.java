package dev.drsorchestrator.devstack.dynamodb;

import dev.drsorchestrator.devstack.dynamodb.store.Database;
import dev.drsorchestrator.devstack.dynamodb.store.Table;
import dev.drsorchestrator.devstack.dynamodb.store.TableDefs;

/** Finds the table a request names: a malformed name is a ValidationException, an unknown one not found. */
final class Lookup {
    private Lookup() {}

    /** Item operations: AWS's "Requested resource not found" without the table's name. */
    static Table table(Database db, String name) {
        Table t = db.table(checkName(name));
        if (t == null) {
            throw DynamoErrors.resourceNotFound();
        }
        return t;
    }

    /** Table operations: "Requested resource not found: Table: x not found". */
    static Table namedTable(Database db, String name) {
        Table t = db.table(checkName(name));
        if (t == null) {
            throw DynamoErrors.tableNotFound(name);
        }
        return t;
    }

    static String checkName(String name) {
        if (name.length() < 3 || name.length() > 255) {
            throw DynamoErrors.validation("1 validation error detected: Value '" + name + "' at 'tableName' failed to"
                    + " satisfy constraint: Member must have length between 3 and 255");
        }
        if (!TableDefs.NAME.matcher(name).matches()) {
            throw DynamoErrors.validation("1 validation error detected: Value '" + name + "' at 'tableName' failed to"
                    + " satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
        }
        return name;
    }
}
