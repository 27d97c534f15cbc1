package dev.drsorchestrator.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/**
 * SQS's half of the smoke test (DynamoDB's is {@link SmokeTest}), against each messaging target (devstack; LocalStack
 * too under {@code -Plocalstack}).
 */
@ParameterizedClass(name = "[{0}]")
@MethodSource("dev.drsorchestrator.devstack.conformance.Targets#messaging")
class SqsSmokeTest extends AcrossTargets {

    @Test
    void sqsAnswersThroughTheEdge() {
        SqsClient sqs = clients.sqs();
        String name = name("smoke");
        String url = clients.queue(sqs, name);
        assertThat(url).endsWith("/" + account() + "/" + name);
        assertThat(sqs.getQueueUrl(b -> b.queueName(name)).queueUrl()).isEqualTo(url);
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("hello"));
        assertThat(sqs.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(1)).messages())
                .extracting(m -> m.body())
                .containsExactly("hello");
    }

    @Test
    void queueUrlsPointBackAtTheEdge() {
        Devstack devstack = devstackOnly("devstack's queue URLs point back at its edge (http://127.0.0.1:<port>/…);"
                + " other targets have their own URL scheme (LocalStack: sqs.<region>.localhost.localstack.cloud)");
        SqsClient sqs = clients.sqs();
        String name = name("smoke");
        assertThat(clients.queue(sqs, name)).isEqualTo(devstack.endpoint() + "/" + devstack.account() + "/" + name);
    }

    @Test
    void sqsErrorsReachTheSdkAsItsOwnExceptions() {
        assertThatThrownBy(() -> clients.sqs().getQueueUrl(b -> b.queueName(name("missing"))))
                .isInstanceOf(QueueDoesNotExistException.class);
    }
}
