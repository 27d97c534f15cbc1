package dev.drsorchestrator.kit.auth;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Who sent a request, as the verified token says: never a header the caller chooses.
 *
 * @param id the token's subject ({@code sub}): stable, unique in the issuer; what the two-person rule compares
 * @param name readable: the username, else the e-mail, else {@code client:<client id>} for a machine client
 * @param email the e-mail claim, when the token has one
 * @param roles every role the caller holds (with the ones their highest role includes)
 * @param clientId the app client the token was issued to
 */
public record Actor(
        String id,
        String name,
        @Nullable String email,
        List<String> roles,
        @Nullable String clientId) {

    public Actor {
        roles = List.copyOf(roles);
    }

    /** A machine client (client-credentials token) rather than a person. */
    public boolean machine() {
        return name.startsWith(MACHINE_PREFIX);
    }

    public static final String MACHINE_PREFIX = "client:";
}
