package dev.drsorchestrator.plan.domain;

/** One reason a definition is refused: the field at fault (a JSON path such as {@code waves[2].dependsOn[0]}). */
public record Violation(String field, String reason) {}
