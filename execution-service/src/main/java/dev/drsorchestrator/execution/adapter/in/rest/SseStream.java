package dev.drsorchestrator.execution.adapter.in.rest;

import dev.drsorchestrator.execution.application.ExecutionSnapshot;
import dev.drsorchestrator.execution.application.ExecutionWatch;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * One client's stream of an execution's changes over Server-Sent Events: each state as an {@code execution} event
 * whose id is the stored version and whose data is the execution's detail as JSON, and {@code : keep-alive} comments.
 * Writes are asynchronous (Vert.x); a failed write closes the stream.
 */
final class SseStream implements ExecutionWatch.Stream {

    static final String EVENT = "execution";
    /** The comment's text after the colon: the line on the wire is {@code : keep-alive}. */
    static final String KEEP_ALIVE = " keep-alive";

    private static final Logger LOG = Logger.getLogger(SseStream.class);

    private final SseEventSink sink;
    private final Sse sse;
    private final Function<ExecutionSnapshot, String> render;
    private volatile boolean failed;

    SseStream(SseEventSink sink, Sse sse, Function<ExecutionSnapshot, String> render) {
        this.sink = sink;
        this.sse = sse;
        this.render = render;
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

    private void write(OutboundSseEvent event) {
        if (!isOpen()) {
            return;
        }
        sink.send(event).whenComplete((ignored, error) -> {
            if (error != null) {
                LOG.debugf("a stream's write failed (the client left?): %s", error.toString());
                failed = true;
            }
        });
    }
}
