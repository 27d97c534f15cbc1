package dev.drsorchestrator.drsadapter.adapter.out.aws;

import dev.drsorchestrator.drsadapter.domain.DrsCallFailed;
import dev.drsorchestrator.drsadapter.domain.DrsCallFailed.Kind;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/** Runs an AWS call and turns what it throws into {@link DrsCallFailed}, classified by what it means. */
final class Failures {

    private Failures() {}

    static <T> T call(String operation, Supplier<T> call) {
        try {
            return call.get();
        } catch (SdkException e) {
            throw classify(operation, e);
        }
    }

    static DrsCallFailed classify(String operation, SdkException e) {
        if (e instanceof AwsServiceException a) {
            String code = a.awsErrorDetails() == null ? "" : a.awsErrorDetails().errorCode();
            String message = a.awsErrorDetails() == null || a.awsErrorDetails().errorMessage() == null
                    ? a.getMessage()
                    : code + ": " + a.awsErrorDetails().errorMessage();
            Kind kind;
            if (ScopedClients.throttled(a)) {
                kind = Kind.THROTTLED;
            } else if (a.statusCode() == 402 || "ServiceQuotaExceededException".equals(code)) {
                kind = Kind.QUOTA;
            } else if (a.statusCode() == 409 || "ConflictException".equals(code)) {
                kind = Kind.CONFLICT;
            } else if (a.statusCode() == 403
                    || a.statusCode() == 401
                    || "UninitializedAccountException".equals(code)
                    || code.startsWith("AccessDenied")
                    || code.contains("Token")) {
                kind = Kind.ACCESS_DENIED;
            } else if (a.statusCode() >= 400 && a.statusCode() < 500) {
                kind = Kind.REJECTED;
            } else {
                kind = Kind.AMBIGUOUS;
            }
            return new DrsCallFailed(kind, operation, message, e);
        }
        return new DrsCallFailed(Kind.AMBIGUOUS, operation, String.valueOf(e.getMessage()), e);
    }
}
