package dev.drsorchestrator.devstack.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An AWS error: HTTP status, the error code the SDK maps to an exception type, and a message. Each protocol renders
 * it the way AWS does (JSON {@code __type}, REST {@code x-amzn-ErrorType}, query XML).
 */
public final class AwsServiceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final Map<String, Object> fields = new LinkedHashMap<>();

    public AwsServiceException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public static AwsServiceException badRequest(String code, String message) {
        return new AwsServiceException(400, code, message);
    }

    public static AwsServiceException validation(String message) {
        return new AwsServiceException(400, "ValidationException", message);
    }

    public static AwsServiceException notFound(String code, String message) {
        return new AwsServiceException(404, code, message);
    }

    /** Adds a member to the error body (DRS's {@code resourceId}, {@code quotaCode} …). */
    public AwsServiceException with(String field, Object value) {
        fields.put(field, value);
        return this;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Map<String, Object> fields() {
        return fields;
    }
}
