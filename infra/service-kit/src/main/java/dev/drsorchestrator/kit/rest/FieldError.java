package dev.drsorchestrator.kit.rest;

/** One thing wrong with a request: the field (a JSON path such as {@code tagSelector.Tier}) and why. */
public record FieldError(String field, String reason) {}
