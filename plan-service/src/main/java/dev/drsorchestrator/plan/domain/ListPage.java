package dev.drsorchestrator.plan.domain;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A page of a list and where the next page starts (null after the last page). */
public record ListPage<T>(List<T> items, @Nullable Map<String, String> next) {}
