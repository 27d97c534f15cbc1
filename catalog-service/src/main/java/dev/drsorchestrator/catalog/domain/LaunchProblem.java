package dev.drsorchestrator.catalog.domain;

/** One thing wrong with requested launch settings: the field (a JSON path of the request) and why. */
public record LaunchProblem(String field, String reason) {}
