package dev.drsorchestrator.kit.tracing;

import dev.drsorchestrator.kit.config.KitConfig;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.vertx.ContextLocals;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * Spans with the OpenTelemetry SDK, and the W3C {@code traceparent} that carries them from hop to hop. A trace starts
 * where work starts (a REST request, or an event without a trace context: a schedule, an alarm, a DRS event) and
 * continues through the outbox (each event's {@code metadata.traceparent} is the span that wrote it), the bus, every
 * inbox and into the AWS calls. Spans are always made, so every event carries a trace context; they leave the process
 * only when {@code kit.tracing.otlp-endpoint} is set (OTLP over HTTP, to an OpenTelemetry collector; in AWS the ADOT
 * collector beside each task, which sends them to X-Ray).
 *
 * <p>The work under way is the span entered on this thread ({@link Work#close()} leaves it), or else the span of the
 * REST request on this Vert.x context.
 */
@ApplicationScoped
public class Tracing {

    private static final Logger LOG = Logger.getLogger(Tracing.class);
    private static final ThreadLocal<@Nullable Span> CURRENT = new ThreadLocal<>();
    static final String REQUEST_SPAN = "kit.tracing.span";
    public static final String TRACEPARENT = "traceparent";
    public static final AttributeKey<String> CORRELATION_ID = AttributeKey.stringKey("drs.correlation_id");

    private static final TextMapGetter<Map<String, String>> GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public @Nullable String get(@Nullable Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private final SdkTracerProvider provider;
    private final Tracer tracer;

    Tracing(KitConfig config) {
        var builder = SdkTracerProvider.builder()
                .setResource(Resource.getDefault()
                        .merge(Resource.create(
                                Attributes.of(AttributeKey.stringKey("service.name"), config.serviceName()))))
                .setSampler(Sampler.parentBased(
                        Sampler.traceIdRatioBased(config.tracing().sampleRatio())));
        config.tracing().otlpEndpoint().ifPresent(endpoint -> {
            String url = endpoint.endsWith("/v1/traces") ? endpoint : endpoint.replaceAll("/+$", "") + "/v1/traces";
            builder.addSpanProcessor(BatchSpanProcessor.builder(
                            OtlpHttpSpanExporter.builder().setEndpoint(url).build())
                    .build());
            LOG.infof("tracing: spans go to %s over OTLP/HTTP", url);
        });
        if (config.tracing().otlpEndpoint().isEmpty()) {
            // The SDK hands out a no-op tracer when no processor is registered, whose spans have no ids: so that every
            // event still carries a trace context, a processor that keeps nothing.
            builder.addSpanProcessor(new SpanProcessor() {
                @Override
                public void onStart(Context parent, ReadWriteSpan span) {}

                @Override
                public boolean isStartRequired() {
                    return false;
                }

                @Override
                public void onEnd(ReadableSpan span) {}

                @Override
                public boolean isEndRequired() {
                    return false;
                }
            });
        }
        this.provider = builder.build();
        this.tracer = provider.get("dev.drsorchestrator.kit");
    }

    void stop(@Observes ShutdownEvent event) {
        provider.shutdown().join(5, TimeUnit.SECONDS);
    }

    /**
     * Starts a span of {@code kind} as a child of {@code traceparent} (a new trace when it is absent or unreadable)
     * and enters it on this thread until the returned {@link Work} is closed.
     */
    public Work start(String name, SpanKind kind, @Nullable String traceparent) {
        Span span = tracer.spanBuilder(name)
                .setParent(parent(traceparent))
                .setSpanKind(kind)
                .startSpan();
        return new Work(span);
    }

    /** {@link #start(String, SpanKind, String)} of work inside the service (INTERNAL), such as a loop's step. */
    public Work start(String name, @Nullable String traceparent) {
        return start(name, SpanKind.INTERNAL, traceparent);
    }

    /** Starts a child span of the work under way (or a new trace), such as an AWS call; not entered. */
    Span child(String name, SpanKind kind) {
        Span parent = currentSpan();
        return tracer.spanBuilder(name)
                .setParent(parent == null ? Context.root() : Context.root().with(parent))
                .setSpanKind(kind)
                .startSpan();
    }

    /** Starts the span of a REST request on its Vert.x context (left by {@link #endRequest}). */
    Span startRequest(String name, @Nullable String traceparent) {
        Span span = tracer.spanBuilder(name)
                .setParent(parent(traceparent))
                .setSpanKind(SpanKind.SERVER)
                .startSpan();
        if (Vertx.currentContext() != null) {
            ContextLocals.put(REQUEST_SPAN, span);
        }
        return span;
    }

    static void endRequest(Span span) {
        if (Vertx.currentContext() != null) {
            ContextLocals.remove(REQUEST_SPAN);
        }
        span.end();
    }

    /** The {@code traceparent} of the work under way on this thread, or null when there is none. */
    public static @Nullable String currentTraceparent() {
        Span span = currentSpan();
        return span == null ? null : traceparent(span.getSpanContext());
    }

    static @Nullable Span currentSpan() {
        Span span = CURRENT.get();
        if (span == null && Vertx.currentContext() != null) {
            span = ContextLocals.<Span>get(REQUEST_SPAN).orElse(null);
        }
        return span;
    }

    /** The W3C {@code traceparent} of a span: {@code 00-<trace id>-<span id>-<flags>}. */
    public static String traceparent(SpanContext context) {
        return "00-" + context.getTraceId() + "-" + context.getSpanId() + "-"
                + context.getTraceFlags().asHex();
    }

    /** The trace id of a {@code traceparent}, or null when it is not one. */
    public static @Nullable String traceId(@Nullable String traceparent) {
        SpanContext context = Span.fromContext(parent(traceparent)).getSpanContext();
        return context.isValid() ? context.getTraceId() : null;
    }

    private static Context parent(@Nullable String traceparent) {
        if (traceparent == null || traceparent.isBlank()) {
            return Context.root();
        }
        Map<String, String> carrier = new HashMap<>();
        carrier.put(TRACEPARENT, traceparent);
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), carrier, GETTER);
    }

    /** A span entered on this thread: the work under way until {@link #close()}, which ends it. */
    public static final class Work implements AutoCloseable {
        private final Span span;
        private final @Nullable Span previous;

        Work(Span span) {
            this.span = span;
            this.previous = CURRENT.get();
            CURRENT.set(span);
        }

        public Work attribute(AttributeKey<String> key, @Nullable String value) {
            if (value != null) {
                span.setAttribute(key, value);
            }
            return this;
        }

        public String traceparent() {
            return Tracing.traceparent(span.getSpanContext());
        }

        /** Marks the span failed with {@code error}. */
        public void fail(Throwable error) {
            span.recordException(error);
            span.setStatus(StatusCode.ERROR, String.valueOf(error.getMessage()));
        }

        @Override
        public void close() {
            span.end();
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }
}
