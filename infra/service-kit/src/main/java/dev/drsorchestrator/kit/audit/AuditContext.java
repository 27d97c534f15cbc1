package dev.drsorchestrator.kit.audit;

import dev.drsorchestrator.kit.auth.Actor;
import dev.drsorchestrator.kit.auth.Caller;
import dev.drsorchestrator.kit.config.KitConfig;
import jakarta.enterprise.context.RequestScoped;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The audit entry of the current state-changing request, from its arrival to its answer. The kit's
 * {@code Transactions} writes it in the change's own transaction; {@link AuditRecorder} stores the answered entry.
 */
@RequestScoped
public class AuditContext {

    private final String service;
    private final Caller caller;
    private final Clock clock;
    private @Nullable AuditEntry pending;

    AuditContext(KitConfig config, Caller caller, Clock clock) {
        this.service = config.serviceName();
        this.caller = caller;
        this.clock = clock;
    }

    /** Starts the entry of a state-changing request (once per request). */
    void begin(
            String method,
            String path,
            @Nullable String clientIp,
            @Nullable String correlationId,
            List<String> targets) {
        if (pending == null) {
            pending = new AuditEntry(
                    UUID.randomUUID().toString(),
                    clock.instant(),
                    service,
                    null,
                    ANONYMOUS,
                    List.of(),
                    clientIp,
                    method,
                    path,
                    targets,
                    0,
                    AuditEntry.COMMITTED,
                    correlationId,
                    null);
        }
    }

    public static final String ANONYMOUS = "anonymous";

    /** The entry as far as it is known, with the verified caller when there is one; null outside a change. */
    public @Nullable AuditEntry current() {
        if (pending == null) {
            return null;
        }
        Actor actor = verifiedCaller();
        if (actor != null && pending.actorId() == null) {
            pending = new AuditEntry(
                    pending.id(),
                    pending.at(),
                    pending.service(),
                    actor.id(),
                    actor.name(),
                    actor.roles(),
                    pending.clientIp(),
                    pending.method(),
                    pending.path(),
                    pending.targets(),
                    pending.status(),
                    pending.outcome(),
                    pending.correlationId(),
                    pending.detail());
        }
        return pending;
    }

    private @Nullable Actor verifiedCaller() {
        try {
            return caller.actor();
        } catch (RuntimeException notAuthenticated) {
            // no token, or one that failed verification: the entry stays anonymous
            return null;
        }
    }
}
