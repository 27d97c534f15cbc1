package dev.drsorchestrator.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.drsorchestrator.devstack.http.Json;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.InvalidParameterException;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.NotFoundException;
import software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry;
import software.amazon.awssdk.services.sns.model.Topic;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * SNS against each messaging target (devstack; LocalStack too under {@code -Plocalstack}). Every topic and queue is
 * named for its case, so the cases need no reset and run on a shared target.
 */
@ParameterizedClass(name = "[{0}]")
@MethodSource("dev.drsorchestrator.devstack.conformance.Targets#messaging")
class SnsTest extends AcrossTargets {
    private SnsClient sns;
    private SqsClient sqs;

    @BeforeEach
    void snsAndSqs() {
        sns = clients.sns();
        sqs = clients.sqs();
    }

    /** Every topic's ARN, all pages. */
    private List<String> topics() {
        return sns.listTopicsPaginator().topics().stream().map(Topic::topicArn).toList();
    }

    private String subscribedQueue(String topicArn, String name, Map<String, String> attributes) {
        String url = clients.queue(sqs, name);
        sns.subscribe(b -> b.topicArn(topicArn)
                .protocol("sqs")
                .endpoint(clients.queueArn(sqs, url))
                .attributes(attributes));
        return url;
    }

    private List<Message> receive(String url) {
        return sqs.receiveMessage(b -> b.queueUrl(url)
                        .maxNumberOfMessages(10)
                        .waitTimeSeconds(0)
                        .messageAttributeNames("All"))
                .messages();
    }

    private List<Message> awaitMessages(String url, int count) {
        List<Message> got = new ArrayList<>();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            got.addAll(receive(url));
            return got.size() >= count;
        });
        return got;
    }

    private static MessageAttributeValue string(String v) {
        return MessageAttributeValue.builder().dataType("String").stringValue(v).build();
    }

    @Test
    void aPublishReachesSqsInTheSnsEnvelope() {
        String name = name("execution-alerts");
        String topic = sns.createTopic(b -> b.name(name)).topicArn();
        assertThat(topic).isEqualTo(arn("sns", name));
        String url = subscribedQueue(topic, name("alerts"), Map.of());
        String id = sns.publish(b -> b.topicArn(topic)
                        .subject("Drill failed")
                        .message("wave 2 failed")
                        .messageAttributes(Map.of("severity", string("high"))))
                .messageId();
        JsonNode envelope = Json.parse(awaitMessages(url, 1).get(0).body());
        assertThat(envelope.path("Type").asText()).isEqualTo("Notification");
        assertThat(envelope.path("MessageId").asText()).isEqualTo(id);
        assertThat(envelope.path("TopicArn").asText()).isEqualTo(topic);
        assertThat(envelope.path("Subject").asText()).isEqualTo("Drill failed");
        assertThat(envelope.path("Message").asText()).isEqualTo("wave 2 failed");
        assertThat(envelope.path("MessageAttributes")
                        .path("severity")
                        .path("Value")
                        .asText())
                .isEqualTo("high");
        assertThat(envelope.path("Timestamp").asText()).isNotBlank();
    }

    @Test
    void filterPoliciesDropWhatTheyShouldAndRawDeliveryKeepsAttributes() {
        String topic = sns.createTopic(b -> b.name(name("t"))).topicArn();
        String high = subscribedQueue(
                topic,
                name("high"),
                Map.of(
                        "FilterPolicy", "{\"severity\":[\"high\"],\"servers\":[{\"numeric\":[\">=\",10]}]}",
                        "RawMessageDelivery", "true"));
        String failures = subscribedQueue(
                topic,
                name("failures"),
                Map.of("FilterPolicyScope", "MessageBody", "FilterPolicy", "{\"status\":[{\"prefix\":\"FAIL\"}]}"));
        String everything = subscribedQueue(topic, name("everything"), Map.of());

        sns.publish(b -> b.topicArn(topic)
                .message("{\"status\":\"FAILED\"}")
                .messageAttributes(Map.of(
                        "severity", string("high"),
                        "servers",
                                MessageAttributeValue.builder()
                                        .dataType("Number")
                                        .stringValue("12")
                                        .build())));
        sns.publish(b -> b.topicArn(topic)
                .message("{\"status\":\"OK\"}")
                .messageAttributes(Map.of(
                        "severity", string("high"),
                        "servers",
                                MessageAttributeValue.builder()
                                        .dataType("Number")
                                        .stringValue("3")
                                        .build())));
        sns.publish(b -> b.topicArn(topic)
                .message("{\"status\":\"FAILING\"}")
                .messageAttributes(Map.of("severity", string("low"))));

        List<Message> raw = awaitMessages(high, 1);
        assertThat(raw).singleElement().satisfies(m -> {
            assertThat(m.body()).isEqualTo("{\"status\":\"FAILED\"}");
            assertThat(m.messageAttributes().get("severity").stringValue()).isEqualTo("high");
        });
        assertThat(awaitMessages(failures, 2))
                .extracting(m -> Json.parse(Json.parse(m.body()).path("Message").asText())
                        .path("status")
                        .asText())
                .containsExactlyInAnyOrder("FAILED", "FAILING");
        assertThat(awaitMessages(everything, 3)).hasSize(3);
        // publishing delivers before it answers: the filtered ones are not late, they are dropped
        assertThat(receive(high)).isEmpty();
        assertThat(receive(failures)).isEmpty();
    }

    @Test
    void messageStructureJsonPicksTheProtocolsMessage() {
        String topic = sns.createTopic(b -> b.name(name("t"))).topicArn();
        String url = subscribedQueue(topic, name("q"), Map.of("RawMessageDelivery", "true"));
        sns.publish(
                b -> b.topicArn(topic).messageStructure("json").message("{\"default\":\"plain\",\"sqs\":\"for sqs\"}"));
        assertThat(awaitMessages(url, 1).get(0).body()).isEqualTo("for sqs");
        assertThatThrownBy(() -> sns.publish(
                        b -> b.topicArn(topic).messageStructure("json").message("{\"sqs\":\"x\"}")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("No default entry");
    }

    @Test
    void publishBatchDeliversEachEntry() {
        String topic = sns.createTopic(b -> b.name(name("t"))).topicArn();
        String url = subscribedQueue(topic, name("q"), Map.of("RawMessageDelivery", "true"));
        var r = sns.publishBatch(b -> b.topicArn(topic)
                .publishBatchRequestEntries(
                        PublishBatchRequestEntry.builder()
                                .id("1")
                                .message("one")
                                .build(),
                        PublishBatchRequestEntry.builder()
                                .id("2")
                                .message("two")
                                .build()));
        assertThat(r.successful()).extracting(e -> e.id()).containsExactly("1", "2");
        assertThat(r.failed()).isEmpty();
        assertThat(awaitMessages(url, 2)).extracting(Message::body).containsExactlyInAnyOrder("one", "two");
    }

    @Test
    void httpSubscriptionsArePostedTheEnvelope() throws Exception {
        devstackOnly("subscribes an HTTP server on this JVM's 127.0.0.1, which a target in a container cannot reach,"
                + " and expects no SubscriptionConfirmation handshake (devstack confirms HTTP subscriptions at once)");
        List<String> received = new CopyOnWriteArrayList<>();
        List<String> types = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", ex -> {
            received.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            types.add(ex.getRequestHeaders().getFirst("x-amz-sns-message-type"));
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        server.start();
        try {
            String topic = sns.createTopic(b -> b.name(name("t"))).topicArn();
            String sub = sns.subscribe(b -> b.topicArn(topic)
                            .protocol("http")
                            .endpoint("http://127.0.0.1:" + server.getAddress().getPort() + "/hook"))
                    .subscriptionArn();
            assertThat(sns.listSubscriptionsByTopic(b -> b.topicArn(topic)).subscriptions())
                    .extracting(s -> s.subscriptionArn())
                    .containsExactly(sub);
            sns.publish(b -> b.topicArn(topic).message("hello"));
            await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 1);
            assertThat(Json.parse(received.get(0)).path("Message").asText()).isEqualTo("hello");
            assertThat(types).containsExactly("Notification");
            sns.unsubscribe(b -> b.subscriptionArn(sub));
            assertThat(sns.listSubscriptionsByTopic(b -> b.topicArn(topic)).subscriptions())
                    .isEmpty();
        } finally {
            server.stop(0);
        }
    }

    @Test
    void unknownTopicsAndBadPoliciesAreRefused() {
        // the topics other cases left (this case creates no other): the listing is checked against them
        List<String> before = topics();
        assertThatThrownBy(() ->
                        sns.publish(b -> b.topicArn(arn("sns", name("nope"))).message("x")))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("Topic does not exist");
        String topic = sns.createTopic(b -> b.name(name("t"))).topicArn();
        assertThatThrownBy(() -> sns.subscribe(b -> b.topicArn(topic)
                        .protocol("sqs")
                        .endpoint(arn("sqs", name("q")))
                        .attributes(Map.of("FilterPolicy", "{\"a\":\"not-a-list\"}"))))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("FilterPolicy");
        List<String> withTopic = new ArrayList<>(before);
        withTopic.add(topic);
        assertThat(topics()).containsExactlyInAnyOrderElementsOf(withTopic);
        sns.deleteTopic(b -> b.topicArn(topic));
        assertThat(topics()).containsExactlyInAnyOrderElementsOf(before);
    }

    /**
     * A topic with an email subscription (listed) beside a raw queue subscription; a publish reaches the queue.
     * Returns the topic.
     */
    private String topicWithAnEmailSubscriptionPublishedTo() {
        String topic = sns.createTopic(b -> b.name(name("mail"))).topicArn();
        String url = subscribedQueue(topic, name("beside-mail"), Map.of("RawMessageDelivery", "true"));
        String mail = sns.subscribe(b -> b.topicArn(topic).protocol("email").endpoint("ops@example.com"))
                .subscriptionArn();
        assertThat(sns.listSubscriptionsByTopic(b -> b.topicArn(topic)).subscriptions())
                .anySatisfy(sub -> assertThat(sub.subscriptionArn()).isEqualTo(mail));
        sns.publish(b -> b.topicArn(topic).message("hello"));
        assertThat(awaitMessages(url, 1)).extracting(Message::body).containsExactly("hello");
        return topic;
    }

    @Test
    void emailSubscriptionsAreKeptAndTheirAddressesChecked() {
        String topic = topicWithAnEmailSubscriptionPublishedTo();
        assertThatThrownBy(() ->
                        sns.subscribe(b -> b.topicArn(topic).protocol("email").endpoint("not-an-address")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("Email address");
    }

    @Test
    void emailSubscriptionsAreKeptButNeverSentTo() {
        Devstack devstack = devstackOnly("reads devstack's own delivery log (Devstack#deliveries) to see that"
                + " nothing was sent to the address");
        devstack.deliveries().clear();
        topicWithAnEmailSubscriptionPublishedTo();
        assertThat(devstack.deliveries().failures()).isEmpty();
    }
}
