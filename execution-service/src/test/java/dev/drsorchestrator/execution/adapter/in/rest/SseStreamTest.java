package dev.drsorchestrator.execution.adapter.in.rest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.resteasy.reactive.server.jaxrs.SseImpl;
import org.junit.jupiter.api.Test;

/**
 * Back-pressure without HTTP: a client that reads nothing leaves the sink's writes unfinished; past
 * {@link SseStream#MAX_UNFINISHED} the stream closes and drops its connection instead of queuing more. A client that
 * reads keeps its stream however much is sent.
 */
class SseStreamTest {

    /** A sink whose writes finish only when {@link #finishAll} says so. */
    static final class Sink implements SseEventSink {
        final List<CompletableFuture<Void>> writes = new CopyOnWriteArrayList<>();
        final boolean finishAtOnce;
        volatile boolean closed;

        Sink(boolean finishAtOnce) {
            this.finishAtOnce = finishAtOnce;
        }

        @Override
        public boolean isClosed() {
            return closed;
        }

        @Override
        public CompletionStage<?> send(OutboundSseEvent event) {
            CompletableFuture<Void> write = new CompletableFuture<>();
            writes.add(write);
            if (finishAtOnce) {
                write.complete(null);
            }
            return write;
        }

        void finishAll() {
            writes.forEach(w -> w.complete(null));
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @Test
    void aClientThatReadsNothingHasItsStreamClosedAndItsConnectionDroppedAfterSixteenUnfinishedWrites() {
        Sink sink = new Sink(false);
        AtomicInteger dropped = new AtomicInteger();
        SseStream stream = new SseStream(sink, SseImpl.INSTANCE, s -> "{}", dropped::incrementAndGet);

        for (int i = 0; i < SseStream.MAX_UNFINISHED; i++) {
            stream.keepAlive();
        }
        assertThat(stream.isOpen()).isTrue();
        assertThat(stream.unfinished()).isEqualTo(16);

        stream.keepAlive(); // the 17th: not queued
        assertThat(sink.writes).hasSize(16);
        assertThat(stream.isOpen()).isFalse();
        assertThat(sink.closed).isTrue();
        assertThat(dropped.get()).isEqualTo(1);

        stream.keepAlive();
        assertThat(sink.writes).as("nothing more once closed").hasSize(16);
    }

    @Test
    void aClientThatReadsKeepsItsStreamAndFinishedWritesMakeRoomAgain() {
        Sink reading = new Sink(true);
        SseStream stream = new SseStream(reading, SseImpl.INSTANCE, s -> "{}", () -> {});
        for (int i = 0; i < 100; i++) {
            stream.keepAlive();
        }
        assertThat(stream.isOpen()).isTrue();
        assertThat(stream.unfinished()).isZero();

        Sink slow = new Sink(false);
        SseStream late = new SseStream(slow, SseImpl.INSTANCE, s -> "{}", () -> {});
        for (int i = 0; i < 15; i++) {
            late.keepAlive();
        }
        slow.finishAll(); // the client caught up
        for (int i = 0; i < 15; i++) {
            late.keepAlive();
        }
        assertThat(late.isOpen()).isTrue();
    }
}
