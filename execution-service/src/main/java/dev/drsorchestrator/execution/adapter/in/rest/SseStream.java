package dev.drsorchestrator.execution.adapter.in.rest;

import dev.drsorchestrator.execution.application.ExecutionSnapshot;
import dev.drsorchestrator.execution.application.ExecutionWatch;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * One client's stream of an execution's changes over Server-Sent Events: each state as an {@code execution} event
 * whose id is the stored version and whose data is the execution's detail as JSON, and {@code : keep-alive} comments.
 * Writes are asynchronous (Vert.x); a failed write closes the stream.
 *
 * <p>Back-pressure: a write completes once it is handed to the connection. A client that stops reading (or a network
 * that stalls) leaves writes unfinished; with {@link #MAX_UNFINISHED} of them the stream is closed and its connection
 * dropped instead of queuing every later state in memory. The client reconnects and gets the latest state.
 */
final class SseStream implements ExecutionWatch.Stream {

    static final String EVENT = "execution";
    /** The comment's text after the colon: the line on the wire is {@code : keep-alive}. */
    static final String KEEP_ALIVE = " keep-alive";
    /** Writes (events and comments) not yet finished beyond which the client is taken as not reading. */
    static final int MAX_UNFINISHED = 16;

    private static final Logger LOG = Logger.getLogger(SseStream.class);

    private final SseEventSink sink;
    private final Sse sse;
    private final Function<ExecutionSnapshot, String> render;
    private final Runnable drop;
    private final AtomicInteger unfinished = new AtomicInteger();
    private volatile boolean failed;

    /**
     * @param drop closes the connection at once, whatever is still queued on it (the HTTP response's {@code close});
     *     used when the client does not read
     */
    SseStream(SseEventSink sink, Sse sse, Function<ExecutionSnapshot, String> render, Runnable drop) {
        this.sink = sink;
        this.sse = sse;
        this.render = render;
        this.drop = drop;
    }

    @Override
    public void send(ExecutionSnapshot snapshot) {
        write(sse.newEventBuilder()
                .name(EVENT)
                .id(Long.toString(snapshot.version()))
                .data(String.class, snapshot.rendered(render))
                .build());
    }

    @Override
    public void keepAlive() {
        write(sse.newEventBuilder().comment(KEEP_ALIVE).build());
    }

    @Override
    public boolean isOpen() {
        return !failed && !sink.isClosed();
    }

    @Override
    public void close() {
        failed = true;
        if (!sink.isClosed()) {
            sink.close();
        }
    }

    /** Writes not finished yet. */
    int unfinished() {
        return unfinished.get();
    }

    private void write(OutboundSseEvent event) {
        if (!isOpen()) {
            return;
        }
        if (unfinished.get() >= MAX_UNFINISHED) {
            LOG.debugf("a stream's client reads nothing (%d writes unfinished); closed", unfinished.get());
            close();
            try {
                drop.run();
            } catch (RuntimeException e) {
                LOG.debugf("dropping a stream's connection failed: %s", e.toString());
            }
            return;
        }
        unfinished.incrementAndGet();
        sink.send(event).whenComplete((ignored, error) -> {
            unfinished.decrementAndGet();
            if (error != null) {
                LOG.debugf("a stream's write failed (the client left?): %s", error.toString());
                failed = true;
            }
        });
    }
}
