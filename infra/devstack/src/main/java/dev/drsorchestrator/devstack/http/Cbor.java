package dev.drsorchestrator.devstack.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.zip.GZIPInputStream;

/**
 * Smithy RPC v2 CBOR bodies: requests read into a JSON tree (CBOR maps, arrays, text, numbers; a timestamp's tag 1
 * is dropped, leaving its epoch seconds), responses written from one. Request bodies may be gzipped
 * ({@code Content-Encoding: gzip}: the SDK compresses large PutMetricData requests).
 */
public final class Cbor {
    public static final String CONTENT_TYPE = "application/cbor";
    private static final ObjectMapper MAPPER = new ObjectMapper(new CBORFactory());

    private Cbor() {}

    /** The request's body as a tree; an empty body is an empty map (an operation without input). */
    public static JsonNode read(AwsRequest request) {
        byte[] body = request.body();
        if (body.length == 0) {
            return MAPPER.createObjectNode();
        }
        try {
            String encoding = request.header("Content-Encoding");
            if (encoding != null && encoding.toLowerCase(java.util.Locale.ROOT).contains("gzip")) {
                try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
                    body = in.readAllBytes();
                }
            }
            JsonNode tree = MAPPER.readTree(body);
            if (tree == null || !tree.isObject()) {
                throw AwsServiceException.badRequest("SerializationException", "The request body is not a CBOR map.");
            }
            return tree;
        } catch (IOException e) {
            throw AwsServiceException.badRequest(
                    "SerializationException", "The request body is not valid CBOR: " + e.getMessage());
        }
    }

    /** A response: the body as CBOR, with the headers RPC v2 CBOR requires. */
    public static HttpResult result(int status, JsonNode body) {
        try {
            return new HttpResult(status, CONTENT_TYPE, new LinkedHashMap<>(), MAPPER.writeValueAsBytes(body))
                    .header("smithy-protocol", "rpc-v2-cbor");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
