package dev.drsorchestrator.contracts.ids;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An identifier that travels as a plain JSON string and is validated against its pattern when it is created, so a
 * malformed id is refused at the edge instead of deep inside a service.
 */
public interface TypedId {

    @JsonValue
    String value();
}
