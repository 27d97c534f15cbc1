package dev.drsorchestrator.devstack.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP request at the edge, with what the SigV4 credential scope says: the service it is for and the region.
 * The signature itself is not checked (any credentials are accepted).
 */
public final class AwsRequest {
    private static final Pattern SCOPE =
            Pattern.compile("Credential=([^/,\\s]+)/\\d{8}/([^/,\\s]+)/([^/,\\s]+)/aws4_request");

    private final String method;
    private final String path;
    private final Map<String, String> query;
    private final Map<String, List<String>> headers;
    private final byte[] body;
    private final @Nullable String service;
    private final @Nullable String region;
    private final @Nullable String accessKey;
    private @Nullable JsonNode json;
    private @Nullable Map<String, String> form;

    public AwsRequest(
            String method, String path, @Nullable String rawQuery, Map<String, List<String>> headers, byte[] body) {
        this.method = method;
        this.path = path;
        this.query = decodeForm(rawQuery);
        TreeMap<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        h.putAll(headers);
        this.headers = h;
        this.body = body;
        String scopeSource = header("Authorization");
        if (scopeSource == null) {
            String credential = query.get("X-Amz-Credential");
            scopeSource = credential == null ? null : "Credential=" + credential;
        }
        Matcher m = scopeSource == null ? null : SCOPE.matcher(scopeSource);
        if (m != null && m.find()) {
            this.accessKey = m.group(1);
            this.region = m.group(2);
            this.service = m.group(3);
        } else {
            this.accessKey = null;
            this.region = null;
            this.service = serviceFromTarget(header("X-Amz-Target"));
        }
    }

    private static @Nullable String serviceFromTarget(@Nullable String target) {
        if (target == null) {
            return null;
        }
        if (target.startsWith("AWSEvents.")) {
            return "events";
        }
        if (target.startsWith("AmazonSQS.")) {
            return "sqs";
        }
        if (target.startsWith("DynamoDB_")) {
            return "dynamodb";
        }
        if (target.startsWith("AmazonSSM.")) {
            return "ssm";
        }
        if (target.startsWith("AWSCognitoIdentityProviderService.")) {
            // InitiateAuth, RespondToAuthChallenge …: the SDK sends these unsigned
            return "cognito-idp";
        }
        return null;
    }

    public static Map<String, String> decodeForm(@Nullable String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            out.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return out;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    public Map<String, String> query() {
        return query;
    }

    public Map<String, List<String>> headers() {
        return headers;
    }

    public @Nullable String header(String name) {
        List<String> v = headers.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    public byte[] body() {
        return body;
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The SigV4 signing name ({@code sqs}, {@code events}, {@code drs} …), or null when the request is unsigned. */
    public @Nullable String service() {
        return service;
    }

    public @Nullable String region() {
        return region;
    }

    /** The access key id the request was signed with (STS maps assumed-role keys to their account). */
    public @Nullable String accessKey() {
        return accessKey;
    }

    /** The operation of a JSON-protocol request: what follows the dot in {@code X-Amz-Target}. */
    public String target() {
        String t = header("X-Amz-Target");
        if (t == null) {
            throw AwsServiceException.badRequest("UnknownOperationException", "Missing X-Amz-Target header");
        }
        return t.substring(t.indexOf('.') + 1);
    }

    public JsonNode json() {
        if (json == null) {
            json = Json.parse(body, "Request body");
        }
        return json;
    }

    /** Query-protocol parameters: the URL query and the form body together. */
    public Map<String, String> form() {
        if (form == null) {
            Map<String, String> f = new LinkedHashMap<>(query);
            f.putAll(decodeForm(bodyText()));
            form = f;
        }
        return form;
    }
}
