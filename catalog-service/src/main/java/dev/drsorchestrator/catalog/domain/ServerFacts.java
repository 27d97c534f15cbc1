package dev.drsorchestrator.catalog.domain;

import dev.drsorchestrator.contracts.ids.ProtectionGroupId;
import dev.drsorchestrator.contracts.ids.SourceServerId;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** What membership needs to know of a server: its tags (empty if DRS never reported it) and who holds it now. */
public record ServerFacts(
        SourceServerId id,
        Map<String, String> tags,
        @Nullable ProtectionGroupId holder) {

    public ServerFacts {
        tags = Map.copyOf(tags);
    }

    public static ServerFacts unknown(SourceServerId id) {
        return new ServerFacts(id, Map.of(), null);
    }
}
