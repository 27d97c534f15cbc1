package dev.drsorchestrator.kit.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import jakarta.enterprise.context.ApplicationScoped;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * An AWS SDK interceptor that makes each API call a CLIENT span ({@code DRS.StartRecovery}), a child of the work under
 * way: the DRS calls of a wave sit in the trace of the request that started the execution. Add it to a client with
 * {@code overrideConfiguration(o -> o.addExecutionInterceptor(interceptor))}.
 */
@ApplicationScoped
public class AwsCallTracing implements ExecutionInterceptor {

    private static final ExecutionAttribute<Span> SPAN = new ExecutionAttribute<>("kit.tracing.span");

    private final Tracing tracing;

    AwsCallTracing(Tracing tracing) {
        this.tracing = tracing;
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        Span span = tracing.child(service + "." + operation, SpanKind.CLIENT);
        span.setAttribute("rpc.system", "aws-api");
        span.setAttribute("rpc.service", service);
        span.setAttribute("rpc.method", operation);
        attributes.putAttribute(SPAN, span);
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        Span span = attributes.getAttribute(SPAN);
        if (span != null) {
            span.setAttribute(
                    "http.response.status_code", context.httpResponse().statusCode());
            span.end();
        }
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        Span span = attributes.getAttribute(SPAN);
        if (span != null) {
            span.recordException(context.exception());
            span.setStatus(StatusCode.ERROR, String.valueOf(context.exception().getMessage()));
            span.end();
        }
    }
}
