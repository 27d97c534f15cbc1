package dev.drsorchestrator.devstack.http;

/** One emulated AWS service behind the edge, chosen by the SigV4 signing name. */
public interface AwsService {
    /** The signing name in the credential scope: {@code events}, {@code sns}, {@code drs} … */
    String signingName();

    Protocol protocol();

    /** Content type of JSON responses and errors (awsJson1.1 services differ from 1.0). */
    default String jsonContentType() {
        return "application/x-amz-json-1.1";
    }

    HttpResult handle(AwsRequest request);
}
