package dev.drsorchestrator.devstack.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** The wire protocols the emulated services speak; each renders errors the way AWS does, so the SDK maps them. */
public enum Protocol {
    /** awsJson1.0/1.1 (EventBridge, SSM): 400 with {@code __type}. */
    JSON,
    /** restJson1 (DRS, Scheduler, Lambda): the status per error, {@code x-amzn-ErrorType} header, {@code message}. */
    REST_JSON,
    /** awsQuery (SNS, STS): an XML {@code ErrorResponse}. */
    QUERY,
    /**
     * ec2Query (EC2): {@code <Response><Errors><Error><Code>…</Code><Message>…</Message></Error></Errors>
     * <RequestID>…</RequestID></Response>}; EC2 answers every client error with 400.
     */
    EC2,
    /**
     * Smithy RPC v2 CBOR (CloudWatch): a CBOR map with {@code __type} and {@code message}, the {@code smithy-protocol}
     * header, and (CloudWatch is awsQuery-compatible) the query error code in {@code x-amzn-query-error}.
     */
    RPC_V2_CBOR;

    public HttpResult render(AwsServiceException e, String requestId, String jsonContentType) {
        return switch (this) {
            case JSON -> {
                ObjectNode body = Json.object().put("__type", e.code()).put("message", e.getMessage());
                addFields(body, e.fields());
                yield HttpResult.json(e.status(), body, jsonContentType)
                        .header("x-amzn-RequestId", requestId)
                        .header("x-amzn-ErrorType", e.code());
            }
            case REST_JSON -> {
                ObjectNode body = Json.object().put("message", e.getMessage()).put("Message", e.getMessage());
                addFields(body, e.fields());
                HttpResult r = HttpResult.json(e.status(), body, "application/json")
                        .header("x-amzn-RequestId", requestId)
                        .header("x-amzn-ErrorType", e.code());
                Object retryAfter = e.fields().get("retryAfterSeconds");
                yield retryAfter == null ? r : r.header("Retry-After", retryAfter.toString());
            }
            case QUERY ->
                HttpResult.text(
                        e.status(),
                        "text/xml",
                        "<ErrorResponse><Error><Type>" + (e.status() >= 500 ? "Receiver" : "Sender") + "</Type><Code>"
                                + Xml.escape(e.code()) + "</Code><Message>" + Xml.escape(e.getMessage())
                                + "</Message></Error><RequestId>" + requestId + "</RequestId></ErrorResponse>");
            case EC2 ->
                HttpResult.text(
                        e.status() >= 500 ? e.status() : 400,
                        "text/xml;charset=UTF-8",
                        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Errors><Error><Code>"
                                + Xml.escape(e.code()) + "</Code><Message>" + Xml.escape(e.getMessage())
                                + "</Message></Error></Errors><RequestID>" + requestId + "</RequestID></Response>");
            case RPC_V2_CBOR -> {
                ObjectNode body = Json.object().put("__type", e.code()).put("message", e.getMessage());
                addFields(body, e.fields());
                String queryCode = e.code().endsWith("Exception")
                        ? e.code().substring(0, e.code().length() - 9)
                        : e.code();
                yield Cbor.result(e.status(), body)
                        .header("x-amzn-RequestId", requestId)
                        .header("x-amzn-query-error", queryCode + ";" + (e.status() >= 500 ? "Receiver" : "Sender"));
            }
        };
    }

    private static void addFields(ObjectNode body, Map<String, Object> fields) {
        fields.forEach((k, v) -> body.set(k, Json.MAPPER.valueToTree(v)));
    }
}
