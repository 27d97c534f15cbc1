package dev.drsorchestrator.kit.dynamo;

import java.util.List;

/**
 * A transaction that DynamoDB cancelled: which labelled writes failed their condition, and whether it was only a
 * conflict with a concurrent transaction (worth retrying at once).
 */
public class TransactionFailed extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> failedConditions;
    private final boolean conflict;

    public TransactionFailed(List<String> failedConditions, boolean conflict, Throwable cause) {
        super(
                (failedConditions.isEmpty()
                                ? "transaction cancelled"
                                : "transaction cancelled: condition failed for " + failedConditions)
                        + (conflict ? " (conflict with a concurrent transaction)" : ""),
                cause);
        this.failedConditions = List.copyOf(failedConditions);
        this.conflict = conflict;
    }

    public List<String> failedConditions() {
        return failedConditions;
    }

    public boolean failed(String label) {
        return failedConditions.contains(label);
    }

    /** A concurrent transaction touched the same items; retrying may succeed. */
    public boolean conflict() {
        return conflict;
    }
}
