package dev.drsorchestrator.devstack.drs;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Every DRS API call, in order: when, which operation, for which account and region, the request as sent and the
 * outcome ({@code OK} or the error code). Tests and benchmarks read it to see exactly what the product asked DRS to
 * do and when.
 */
public final class CallLog {
    /**
     * One call. {@code result} names what the call made or returned that a test wants to follow (a job id), or null.
     */
    public record Call(
            long seq,
            Instant at,
            String operation,
            String account,
            String region,
            JsonNode request,
            String outcome,
            @Nullable String result) {}

    private final List<Call> calls = new ArrayList<>();
    private final AtomicLong sequence = new AtomicLong();

    /** The next call's number, taken when the call arrives. */
    long next() {
        return sequence.incrementAndGet();
    }

    synchronized void add(Call call) {
        calls.add(call);
    }

    /** Calls with a sequence number above {@code afterSeq}, optionally of one operation only. */
    public synchronized List<Call> since(long afterSeq, @Nullable String operation) {
        List<Call> out = new ArrayList<>();
        for (Call c : calls) {
            if (c.seq() > afterSeq && (operation == null || c.operation().equals(operation))) {
                out.add(c);
            }
        }
        out.sort(Comparator.comparingLong(Call::seq));
        return out;
    }

    public List<Call> all() {
        return since(0, null);
    }

    synchronized void clear() {
        calls.clear();
        sequence.set(0);
    }
}
