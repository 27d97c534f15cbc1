package dev.drsorchestrator.execution.domain;

import dev.drsorchestrator.execution.domain.ExecutionMachine.Input;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The controls an execution's current state would accept, as {@link #of} found them by trying each one on a copy with
 * the state machine: on the execution ({@code approve}, {@code cancel}, {@code pause}, {@code resume}, {@code cleanup})
 * and per wave ({@code retry}, {@code skip}). Who asks is not part of it: roles, and the two-person rule's "not the
 * requester", are the caller's to check.
 *
 * @param execution in the order of {@link Control.Kind}
 * @param waves by wave id, in the execution's order; every wave has an entry (empty: nothing allowed)
 */
public record AllowedControls(List<Control.Kind> execution, Map<String, List<Control.Kind>> waves) {

    /** Who the controls tried by {@link #of} are sent by: never a person, so never the requester. */
    static final String PROBE_ACTOR = "controls-probe";

    /**
     * The domain knows no logging framework: the JDK's platform logger, which the service's log manager (JBoss
     * LogManager in Quarkus) writes like any other category.
     */
    private static final System.Logger LOG = System.getLogger(AllowedControls.class.getName());

    /** The trials that failed unexpectedly and were logged, so that each is logged once (bounded). */
    private static final Set<String> LOGGED = ConcurrentHashMap.newKeySet();

    private static final int MAX_LOGGED = 10_000;

    public AllowedControls {
        execution = List.copyOf(execution);
        waves = Collections.unmodifiableMap(new LinkedHashMap<>(waves));
    }

    public List<Control.Kind> wave(String waveId) {
        return waves.getOrDefault(waveId, List.of());
    }

    /**
     * The controls the execution's current state would accept, found by applying each one (to a fresh copy from
     * {@code copies} every time) exactly as an operator's would be: no rule is repeated here. {@code approve} is
     * allowed when the execution or a wave awaits an approval, whoever approves (the two-person rule is about the
     * person, not the state); a wave's {@code retry} and {@code skip} are tried on that wave.
     *
     * @param copies deep copies of the execution, each sharing nothing with the others or with the caller's; they are
     *     changed and thrown away
     */
    public static AllowedControls of(Supplier<Execution> copies, Instant now) {
        List<String> waveIds = copies.get().waves.stream().map(WaveRun::id).toList();
        List<Control.Kind> execution = new ArrayList<>();
        for (Control.Kind kind : Control.Kind.values()) {
            if (kind == Control.Kind.RETRY || kind == Control.Kind.SKIP) {
                continue;
            }
            boolean accepted = accepts(copies.get(), kind, null, now);
            if (!accepted && kind == Control.Kind.APPROVE) {
                // Several waves awaiting approval need a waveId: approving any of them is approving.
                accepted = waveIds.stream().anyMatch(w -> accepts(copies.get(), Control.Kind.APPROVE, w, now));
            }
            if (accepted) {
                execution.add(kind);
            }
        }
        Map<String, List<Control.Kind>> waves = new LinkedHashMap<>();
        for (String waveId : waveIds) {
            List<Control.Kind> allowed = new ArrayList<>();
            for (Control.Kind kind : List.of(Control.Kind.RETRY, Control.Kind.SKIP)) {
                if (accepts(copies.get(), kind, waveId, now)) {
                    allowed.add(kind);
                }
            }
            waves.put(waveId, allowed);
        }
        return new AllowedControls(execution, waves);
    }

    /**
     * Whether {@link ExecutionMachine#apply} would accept the control on {@code scratch}, which it changes: pass a
     * copy. An approval the two-person rule refuses is accepted (the state awaits one, from someone else); any other
     * failure is not.
     */
    public static boolean accepts(Execution scratch, Control.Kind kind, @Nullable String waveId, Instant now) {
        Control probe = new Control(kind, PROBE_ACTOR, null, "trying whether the state accepts " + kind.path(), waveId);
        try {
            ExecutionMachine.apply(scratch, new Input.Operator(probe), now);
            return true;
        } catch (ApprovalRefused e) {
            return true;
        } catch (ControlRejected e) {
            return false;
        } catch (RuntimeException e) {
            // The control itself would fail the same way (a 500, not a change): the state does not accept it, and a
            // read of the execution must not fail because of it. But it is a bug of the machine: said once.
            unexpected(scratch, kind, waveId, e);
            return false;
        }
    }

    private static void unexpected(Execution scratch, Control.Kind kind, @Nullable String waveId, RuntimeException e) {
        String key = scratch.executionId.value() + " " + kind.path() + (waveId == null ? "" : " " + waveId);
        if (LOGGED.size() >= MAX_LOGGED) {
            LOGGED.clear();
        }
        if (LOGGED.add(key)) {
            LOG.log(
                    Level.WARNING,
                    "trying " + kind.path() + (waveId == null ? "" : " of wave " + waveId) + " on execution "
                            + scratch.executionId.value()
                            + " failed unexpectedly (a bug of the state machine?); shown as not allowed",
                    e);
        }
    }
}
