package dev.drsorchestrator.contracts.routing;

import dev.drsorchestrator.contracts.Require;

/**
 * An EventBridge rule as every deployment creates it: on {@code eventBusName}, events matching {@code eventPattern}
 * go to the SQS queue {@code targetQueueName}. devstack, the services' test setup and {@code infra/aws} all create
 * their rules from these, so the rules cannot drift from the code.
 */
public record RuleDefinition(
        String name, String eventBusName, String eventPattern, String targetQueueName, String description) {

    /** EventBridge's own limit on rule names. */
    public static final int MAX_NAME_LENGTH = 64;

    public RuleDefinition {
        Require.text(name, "name");
        if (name.length() > MAX_NAME_LENGTH || !name.matches("[.\\-_A-Za-z0-9]+")) {
            throw new IllegalArgumentException("rule name '" + name + "' must be 1-" + MAX_NAME_LENGTH
                    + " characters of letters, digits, '.', '-' and '_'; choose a shorter bus name or rule prefix");
        }
        Require.text(eventBusName, "eventBusName");
        Require.text(eventPattern, "eventPattern");
        Require.text(targetQueueName, "targetQueueName");
        Require.text(description, "description");
    }
}
