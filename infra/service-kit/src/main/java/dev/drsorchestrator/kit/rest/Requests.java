package dev.drsorchestrator.kit.rest;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What every service reads the same way from a request: the version being updated. (Who is asking comes from the
 * verified token: {@link dev.drsorchestrator.kit.auth.Caller}.)
 */
public final class Requests {

    private Requests() {}

    /**
     * The version the caller read, from the body's {@code version} or the {@code If-Match} header (both may be sent
     * if they agree).
     *
     * @return the version, or -1 when neither is sent and {@code required} is false
     * @throws ProblemException 400 for a malformed or disagreeing If-Match, 428 when required and missing
     */
    public static long version(@Nullable Long fromBody, @Nullable String ifMatch, boolean required) {
        Long fromHeader = null;
        if (ifMatch != null) {
            String v = ifMatch.strip();
            if (v.startsWith("W/")) {
                v = v.substring(2);
            }
            v = v.replace("\"", "");
            try {
                fromHeader = Long.parseLong(v);
            } catch (NumberFormatException e) {
                throw ProblemException.invalid("If-Match", "must be the ETag you read, such as \"3\"; got " + ifMatch);
            }
        }
        if (fromBody != null && fromHeader != null && !fromBody.equals(fromHeader)) {
            throw ProblemException.invalid(List.of(new FieldError(
                    "version", "is " + fromBody + " but If-Match says " + fromHeader + "; send one of them")));
        }
        Long version = fromBody != null ? fromBody : fromHeader;
        if (version == null) {
            if (required) {
                throw new ProblemException(
                        428,
                        "version-required",
                        "The version you read is required",
                        "version: send the version you read (field version, or header If-Match) so that a change"
                                + " made meanwhile is not overwritten",
                        List.of(new FieldError("version", "is required on update")),
                        Map.of());
            }
            return -1;
        }
        return version;
    }
}
