package dev.drsorchestrator.execution.domain;

/**
 * An approval the two-person rule refuses: the requester approving their own execution ({@link Rule#REQUESTER}), or
 * an approver approving twice ({@link Rule#ALREADY_APPROVED}). The message says who and what is still needed.
 */
public final class ApprovalRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public enum Rule {
        /** The requester cannot approve: someone else must. */
        REQUESTER,
        /** This approver already approved; the next approval must come from someone else. */
        ALREADY_APPROVED
    }

    private final Rule rule;
    private final String requestedBy;
    private final int approvals;
    private final int requiredApprovals;

    public ApprovalRefused(Rule rule, String message, String requestedBy, int approvals, int requiredApprovals) {
        super(message);
        this.rule = rule;
        this.requestedBy = requestedBy;
        this.approvals = approvals;
        this.requiredApprovals = requiredApprovals;
    }

    public Rule rule() {
        return rule;
    }

    public String requestedBy() {
        return requestedBy;
    }

    /** Distinct approvals received so far. */
    public int approvals() {
        return approvals;
    }

    public int requiredApprovals() {
        return requiredApprovals;
    }
}
