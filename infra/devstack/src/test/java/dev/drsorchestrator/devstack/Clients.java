package dev.drsorchestrator.devstack;

import dev.drsorchestrator.devstack.conformance.AwsTarget;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.drs.DrsClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Real AWS SDK v2 clients pointed at a devstack, as the services build theirs (only the endpoint differs), or at any
 * {@link AwsTarget} (devstack, LocalStack …) the same way: same HTTP client, same static credentials.
 */
final class Clients {
    static final AwsCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("devstack", "devstack"));

    private final URI endpoint;
    private final String region;
    private final HttpClient http = HttpClient.newHttpClient();

    Clients(Devstack devstack) {
        this(devstack.endpoint(), devstack.region());
    }

    /**
     * Clients of a target. Starts the target on first use; when it cannot run here, aborts the calling test (skipped,
     * with the reason), as {@link AwsTarget#endpoint()} does.
     */
    Clients(AwsTarget target) {
        this(target.endpoint().uri(), target.endpoint().region());
    }

    private Clients(URI endpoint, String region) {
        this.endpoint = endpoint;
        this.region = region;
    }

    private <B extends AwsClientBuilder<B, C>, C> C build(B builder, AwsCredentialsProvider credentials) {
        return builder.endpointOverride(endpoint)
                .region(Region.of(region))
                .credentialsProvider(credentials)
                .build();
    }

    SqsClient sqs() {
        return build(SqsClient.builder().httpClient(UrlConnectionHttpClient.create()), CREDENTIALS);
    }

    DynamoDbClient dynamodb() {
        return build(DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()), CREDENTIALS);
    }

    EventBridgeClient events() {
        return build(EventBridgeClient.builder().httpClient(UrlConnectionHttpClient.create()), CREDENTIALS);
    }

    SchedulerClient scheduler() {
        return build(SchedulerClient.builder().httpClient(UrlConnectionHttpClient.create()), CREDENTIALS);
    }

    SnsClient sns() {
        return build(SnsClient.builder().httpClient(UrlConnectionHttpClient.create()), CREDENTIALS);
    }

    StsClient sts() {
        return build(StsClient.builder().httpClient(UrlConnectionHttpClient.create()), CREDENTIALS);
    }

    SsmClient ssm() {
        return build(SsmClient.builder().httpClient(UrlConnectionHttpClient.create()), CREDENTIALS);
    }

    LambdaClient lambda() {
        return build(LambdaClient.builder().httpClient(UrlConnectionHttpClient.create()), CREDENTIALS);
    }

    CloudWatchClient cloudWatch() {
        return build(CloudWatchClient.builder().httpClient(UrlConnectionHttpClient.create()), CREDENTIALS);
    }

    DrsClient drs() {
        return drs(CREDENTIALS);
    }

    DrsClient drs(AwsCredentialsProvider credentials) {
        return build(DrsClient.builder().httpClient(UrlConnectionHttpClient.create()), credentials);
    }

    Ec2Client ec2() {
        return ec2(CREDENTIALS, region);
    }

    /** An EC2 client in another Region (EC2 keeps a network per account and Region). */
    Ec2Client ec2(AwsCredentialsProvider credentials, String inRegion) {
        return Ec2Client.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .endpointOverride(endpoint)
                .region(Region.of(inRegion))
                .credentialsProvider(credentials)
                .build();
    }

    /** Creates a queue and returns its URL. */
    String queue(SqsClient sqs, String name) {
        return sqs.createQueue(b -> b.queueName(name)).queueUrl();
    }

    String queueArn(SqsClient sqs, String url) {
        return sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes()
                .get(QueueAttributeName.QUEUE_ARN);
    }

    /** Calls devstack's admin API (not an AWS API, so plain HTTP); returns status and body. Devstack only. */
    HttpResponse<String> admin(String method, String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint + "/_devstack/" + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json")
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
