package dev.drsorchestrator.contracts.model;

import org.jspecify.annotations.Nullable;

/** One launch setting where what a server would launch with ({@code actual}) is not what is wanted. */
public record LaunchDrift(String field, @Nullable String actual, String desired) {

    /** E.g. "server s-1 would launch with subnetId subnet-a; its group says subnet-b". */
    public String describe(String sourceServerId, String desiredBy) {
        return "server " + sourceServerId + " would launch with " + field + " " + (actual == null ? "(none)" : actual)
                + "; " + desiredBy + " says " + desired;
    }
}
