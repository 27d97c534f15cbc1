package dev.drsorchestrator.devstack.sns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.devstack.events.DeliveryLog;
import dev.drsorchestrator.devstack.http.AwsRequest;
import dev.drsorchestrator.devstack.http.AwsService;
import dev.drsorchestrator.devstack.http.AwsServiceException;
import dev.drsorchestrator.devstack.http.HttpResult;
import dev.drsorchestrator.devstack.http.Json;
import dev.drsorchestrator.devstack.http.Page;
import dev.drsorchestrator.devstack.http.Protocol;
import dev.drsorchestrator.devstack.http.Xml;
import dev.drsorchestrator.devstack.sqs.SqsBackend;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import software.amazon.event.ruler.GenericMachine;
import software.amazon.event.ruler.JsonRuleCompiler;

/**
 * SNS (awsQuery): topics, SQS and HTTP(S) subscriptions with filter policies (on attributes or on the body, matched
 * by event-ruler, whose pattern language SNS filter policies share) and raw delivery, Publish and PublishBatch.
 * Deliveries to SQS carry the SNS envelope AWS uses unless raw; HTTP subscriptions are confirmed at once.
 */
public final class SnsService implements AwsService {
    private static final String NS = "http://sns.amazonaws.com/doc/2010-03-31/";
    private static final Pattern TOPIC_NAME = Pattern.compile("[A-Za-z0-9_\\-]{1,256}(\\.fifo)?");

    private final String account;
    private final String region;
    private final Clock clock;
    private final SqsBackend sqs;
    private final DeliveryLog deliveries;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    // guarded by this
    private final Map<String, Topic> topics = new TreeMap<>();

    private static final class Topic {
        final String arn;
        final Map<String, String> attributes = new TreeMap<>();
        final Map<String, Subscription> subscriptions = new TreeMap<>();

        Topic(String arn) {
            this.arn = arn;
        }
    }

    private static final class Subscription {
        final String arn;
        final String topicArn;
        final String protocol;
        final String endpoint;
        final Map<String, String> attributes = new TreeMap<>();

        @Nullable
        GenericMachine<String> filter;

        Subscription(String arn, String topicArn, String protocol, String endpoint) {
            this.arn = arn;
            this.topicArn = topicArn;
            this.protocol = protocol;
            this.endpoint = endpoint;
        }

        boolean raw() {
            return "true".equalsIgnoreCase(attributes.get("RawMessageDelivery"));
        }

        boolean bodyScope() {
            return "MessageBody".equals(attributes.get("FilterPolicyScope"));
        }
    }

    public SnsService(String account, String region, Clock clock, SqsBackend sqs, DeliveryLog deliveries) {
        this.account = account;
        this.region = region;
        this.clock = clock;
        this.sqs = sqs;
        this.deliveries = deliveries;
    }

    @Override
    public String signingName() {
        return "sns";
    }

    @Override
    public Protocol protocol() {
        return Protocol.QUERY;
    }

    public synchronized void reset() {
        topics.clear();
    }

    @Override
    public HttpResult handle(AwsRequest request) {
        Map<String, String> p = request.form();
        String action = p.get("Action");
        String requestId = UUID.randomUUID().toString();
        if (action == null) {
            throw AwsServiceException.badRequest("MissingAction", "The request has no Action parameter.");
        }
        String result =
                switch (action) {
                    case "CreateTopic" -> createTopic(p);
                    case "DeleteTopic" -> deleteTopic(p);
                    case "ListTopics" -> listTopics(p);
                    case "GetTopicAttributes" -> getTopicAttributes(p);
                    case "Subscribe" -> subscribe(p);
                    case "Unsubscribe" -> unsubscribe(p);
                    case "ListSubscriptionsByTopic" -> listSubscriptionsByTopic(p);
                    case "GetSubscriptionAttributes" -> getSubscriptionAttributes(p);
                    case "SetSubscriptionAttributes" -> setSubscriptionAttributes(p);
                    case "Publish" -> publish(p);
                    case "PublishBatch" -> publishBatch(p);
                    default ->
                        throw AwsServiceException.badRequest(
                                "InvalidAction", "devstack SNS does not implement the action " + action + ".");
                };
        return Xml.response(action, NS, result, requestId);
    }

    private static String required(Map<String, String> p, String name) {
        String v = p.get(name);
        if (v == null || v.isEmpty()) {
            throw AwsServiceException.badRequest("InvalidParameter", "Invalid parameter: " + name + " is required.");
        }
        return v;
    }

    /** {@code Prefix.entry.N.key}/{@code value} pairs (attributes, message attributes come as Name/Value.*). */
    private static Map<String, String> entries(Map<String, String> p, String prefix) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 1; p.containsKey(prefix + ".entry." + i + ".key"); i++) {
            out.put(p.get(prefix + ".entry." + i + ".key"), p.getOrDefault(prefix + ".entry." + i + ".value", ""));
        }
        return out;
    }

    private Topic topic(String arn) {
        Topic t = topics.get(arn);
        if (t == null) {
            throw AwsServiceException.notFound("NotFound", "Topic does not exist: " + arn);
        }
        return t;
    }

    private synchronized String createTopic(Map<String, String> p) {
        String name = required(p, "Name");
        if (!TOPIC_NAME.matcher(name).matches()) {
            throw AwsServiceException.badRequest(
                    "InvalidParameter",
                    "Invalid parameter: Topic Name must be 1-256 letters, digits, '-' or '_' (and .fifo for FIFO).");
        }
        String arn = "arn:aws:sns:" + region + ":" + account + ":" + name;
        Topic t = topics.computeIfAbsent(arn, Topic::new);
        t.attributes.putAll(entries(p, "Attributes"));
        return Xml.element("TopicArn", arn);
    }

    private synchronized String deleteTopic(Map<String, String> p) {
        topics.remove(required(p, "TopicArn"));
        return "";
    }

    private synchronized String listTopics(Map<String, String> p) {
        Page page = Page.of(new ArrayList<>(topics.keySet()), p.get("NextToken"), 100);
        StringBuilder b = new StringBuilder("<Topics>");
        page.items()
                .forEach(arn -> b.append("<member>")
                        .append(Xml.element("TopicArn", arn))
                        .append("</member>"));
        b.append("</Topics>");
        if (page.nextToken() != null) {
            b.append(Xml.element("NextToken", page.nextToken()));
        }
        return b.toString();
    }

    private synchronized String getTopicAttributes(Map<String, String> p) {
        Topic t = topic(required(p, "TopicArn"));
        Map<String, String> attrs = new TreeMap<>(t.attributes);
        attrs.put("TopicArn", t.arn);
        attrs.put("Owner", account);
        attrs.put("SubscriptionsConfirmed", Integer.toString(t.subscriptions.size()));
        attrs.put("SubscriptionsPending", "0");
        return attributesXml(attrs);
    }

    private static String attributesXml(Map<String, String> attrs) {
        StringBuilder b = new StringBuilder("<Attributes>");
        attrs.forEach((k, v) -> b.append("<entry>")
                .append(Xml.element("key", k))
                .append(Xml.element("value", v))
                .append("</entry>"));
        return b.append("</Attributes>").toString();
    }

    private synchronized String subscribe(Map<String, String> p) {
        Topic t = topic(required(p, "TopicArn"));
        String protocol = required(p, "Protocol");
        String endpoint = required(p, "Endpoint");
        if (!List.of("sqs", "http", "https", "email", "email-json").contains(protocol)) {
            throw AwsServiceException.badRequest(
                    "InvalidParameter",
                    "Invalid parameter: devstack SNS takes sqs, http, https and email subscriptions, not " + protocol
                            + ".");
        }
        if (protocol.equals("sqs") && !endpoint.startsWith("arn:aws:sqs:")) {
            throw AwsServiceException.badRequest("InvalidParameter", "Invalid parameter: SQS endpoint ARN");
        }
        if (protocol.startsWith("email") && !endpoint.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw AwsServiceException.badRequest("InvalidParameter", "Invalid parameter: Email address");
        }
        if (protocol.startsWith("http") && !endpoint.startsWith(protocol + "://")) {
            throw AwsServiceException.badRequest(
                    "InvalidParameter", "Invalid parameter: Endpoint must match the " + protocol + " protocol.");
        }
        for (Subscription existing : t.subscriptions.values()) {
            if (existing.protocol.equals(protocol) && existing.endpoint.equals(endpoint)) {
                return Xml.element("SubscriptionArn", existing.arn);
            }
        }
        Subscription s = new Subscription(t.arn + ":" + UUID.randomUUID(), t.arn, protocol, endpoint);
        Map<String, String> attrs = entries(p, "Attributes");
        for (var e : attrs.entrySet()) {
            applyAttribute(s, e.getKey(), e.getValue());
        }
        t.subscriptions.put(s.arn, s);
        return Xml.element("SubscriptionArn", s.arn);
    }

    private void applyAttribute(Subscription s, String name, String value) {
        switch (name) {
            case "FilterPolicy" -> {
                if (value.isBlank()) {
                    s.filter = null;
                } else {
                    String reason = JsonRuleCompiler.check(value);
                    if (reason != null) {
                        throw AwsServiceException.badRequest(
                                "InvalidParameter", "Invalid parameter: FilterPolicy: " + reason);
                    }
                    GenericMachine<String> m = new GenericMachine<>();
                    try {
                        m.addRule("policy", value);
                    } catch (Exception e) {
                        throw AwsServiceException.badRequest(
                                "InvalidParameter", "Invalid parameter: FilterPolicy: " + e.getMessage());
                    }
                    s.filter = m;
                }
            }
            case "FilterPolicyScope" -> {
                if (!value.equals("MessageAttributes") && !value.equals("MessageBody")) {
                    throw AwsServiceException.badRequest(
                            "InvalidParameter",
                            "Invalid parameter: FilterPolicyScope must be MessageAttributes or MessageBody.");
                }
            }
            case "RawMessageDelivery", "DeliveryPolicy", "RedrivePolicy", "SubscriptionRoleArn" -> {}
            default ->
                throw AwsServiceException.badRequest("InvalidParameter", "Invalid parameter: AttributeName " + name);
        }
        s.attributes.put(name, value);
    }

    private Subscription subscription(String arn) {
        for (Topic t : topics.values()) {
            Subscription s = t.subscriptions.get(arn);
            if (s != null) {
                return s;
            }
        }
        throw AwsServiceException.notFound("NotFound", "Subscription does not exist: " + arn);
    }

    private synchronized String unsubscribe(Map<String, String> p) {
        String arn = required(p, "SubscriptionArn");
        for (Topic t : topics.values()) {
            t.subscriptions.remove(arn);
        }
        return "";
    }

    private synchronized String listSubscriptionsByTopic(Map<String, String> p) {
        Topic t = topic(required(p, "TopicArn"));
        Page page = Page.of(new ArrayList<>(t.subscriptions.keySet()), p.get("NextToken"), 100);
        StringBuilder b = new StringBuilder("<Subscriptions>");
        for (String arn : page.items()) {
            Subscription s = t.subscriptions.get(arn);
            b.append("<member>")
                    .append(Xml.element("SubscriptionArn", s.arn))
                    .append(Xml.element("Owner", account))
                    .append(Xml.element("Protocol", s.protocol))
                    .append(Xml.element("Endpoint", s.endpoint))
                    .append(Xml.element("TopicArn", s.topicArn))
                    .append("</member>");
        }
        b.append("</Subscriptions>");
        if (page.nextToken() != null) {
            b.append(Xml.element("NextToken", page.nextToken()));
        }
        return b.toString();
    }

    private synchronized String getSubscriptionAttributes(Map<String, String> p) {
        Subscription s = subscription(required(p, "SubscriptionArn"));
        Map<String, String> attrs = new TreeMap<>(s.attributes);
        attrs.put("SubscriptionArn", s.arn);
        attrs.put("TopicArn", s.topicArn);
        attrs.put("Protocol", s.protocol);
        attrs.put("Endpoint", s.endpoint);
        attrs.put("Owner", account);
        attrs.put("PendingConfirmation", "false");
        attrs.put("ConfirmationWasAuthenticated", "true");
        return attributesXml(attrs);
    }

    private synchronized String setSubscriptionAttributes(Map<String, String> p) {
        Subscription s = subscription(required(p, "SubscriptionArn"));
        applyAttribute(s, required(p, "AttributeName"), p.getOrDefault("AttributeValue", ""));
        return "";
    }

    // ---- publishing

    /** A message to publish: what Publish and PublishBatch entries carry. */
    private record Message(
            String body,
            @Nullable String subject,
            @Nullable String structure,
            Map<String, ObjectNode> attributes,
            @Nullable String groupId) {}

    private String publish(Map<String, String> p) {
        String topicArn = p.containsKey("TopicArn") ? p.get("TopicArn") : p.get("TargetArn");
        if (topicArn == null) {
            throw AwsServiceException.badRequest(
                    "InvalidParameter", "Invalid parameter: TopicArn or TargetArn is required.");
        }
        Message m = message(p, "");
        return Xml.element("MessageId", publish(topicArn, m));
    }

    private String publishBatch(Map<String, String> p) {
        String topicArn = required(p, "TopicArn");
        StringBuilder ok = new StringBuilder("<Successful>");
        StringBuilder failed = new StringBuilder("<Failed>");
        int n = 0;
        for (int i = 1; p.containsKey("PublishBatchRequestEntries.member." + i + ".Id"); i++) {
            n++;
            String prefix = "PublishBatchRequestEntries.member." + i + ".";
            String id = p.get(prefix + "Id");
            try {
                String messageId = publish(topicArn, message(p, prefix));
                ok.append("<member>")
                        .append(Xml.element("Id", id))
                        .append(Xml.element("MessageId", messageId))
                        .append("</member>");
            } catch (AwsServiceException e) {
                if (e.code().equals("NotFound")) {
                    throw e;
                }
                failed.append("<member>")
                        .append(Xml.element("Id", id))
                        .append(Xml.element("Code", e.code()))
                        .append(Xml.element("Message", e.getMessage()))
                        .append(Xml.element("SenderFault", "true"))
                        .append("</member>");
            }
        }
        if (n == 0) {
            throw AwsServiceException.badRequest("EmptyBatchRequest", "The batch request doesn't contain any entries.");
        }
        if (n > 10) {
            throw AwsServiceException.badRequest(
                    "TooManyEntriesInBatchRequest", "The batch request contains more entries than permissible (10).");
        }
        return ok.append("</Successful>").toString() + failed.append("</Failed>");
    }

    private static Message message(Map<String, String> p, String prefix) {
        String body = p.get(prefix + "Message");
        if (body == null) {
            throw AwsServiceException.badRequest("InvalidParameter", "Invalid parameter: Message is required.");
        }
        Map<String, ObjectNode> attrs = new LinkedHashMap<>();
        for (int i = 1; p.containsKey(prefix + "MessageAttributes.entry." + i + ".Name"); i++) {
            String base = prefix + "MessageAttributes.entry." + i + ".";
            String type = p.getOrDefault(base + "Value.DataType", "String");
            String value = p.get(base + "Value.StringValue");
            if (value == null) {
                value = p.getOrDefault(base + "Value.BinaryValue", "");
            }
            attrs.put(p.get(base + "Name"), Json.object().put("Type", type).put("Value", value));
        }
        String structure = p.get(prefix + "MessageStructure");
        if (structure != null && !structure.equals("json")) {
            throw AwsServiceException.badRequest(
                    "InvalidParameter", "Invalid parameter: MessageStructure must be json.");
        }
        if ("json".equals(structure)) {
            JsonNode parsed;
            try {
                parsed = Json.parse(body);
            } catch (IllegalArgumentException e) {
                throw AwsServiceException.badRequest(
                        "InvalidParameter", "Invalid parameter: Message Structure - JSON message body failed to parse");
            }
            if (!parsed.hasNonNull("default")) {
                throw AwsServiceException.badRequest(
                        "InvalidParameter",
                        "Invalid parameter: Message Structure - No default entry in JSON message body");
            }
        }
        return new Message(body, p.get(prefix + "Subject"), structure, attrs, p.get(prefix + "MessageGroupId"));
    }

    /** Publishes to every subscription whose filter accepts the message; returns the message id. */
    public String publish(String topicArn, String body, @Nullable String subject) {
        return publish(topicArn, new Message(body, subject, null, Map.of(), null));
    }

    private String publish(String topicArn, Message m) {
        List<Subscription> subs;
        synchronized (this) {
            subs = new ArrayList<>(topic(topicArn).subscriptions.values());
        }
        String messageId = UUID.randomUUID().toString();
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        for (Subscription s : subs) {
            if (s.protocol.startsWith("email")) {
                continue; // accepted, never confirmed: devstack sends no mail
            }
            String body = bodyFor(s.protocol, m);
            if (!accepts(s, m, body)) {
                continue;
            }
            if (s.protocol.equals("sqs")) {
                String queue = SqsBackend.queueNameFromArn(s.endpoint);
                String error;
                if (s.raw()) {
                    ObjectNode attrs = Json.object();
                    m.attributes()
                            .forEach((k, v) -> attrs.putObject(k)
                                    .put("DataType", v.get("Type").asText())
                                    .put("StringValue", v.get("Value").asText()));
                    error = sqs.sendWithAttributes(queue, body, attrs);
                } else {
                    error = sqs.send(queue, Json.write(envelope(s, m, messageId, body, now)), null, m.groupId());
                }
                if (error != null) {
                    deliveries.failed(now, "sns subscription " + s.arn, s.endpoint, error, body);
                }
            } else {
                deliverHttp(s, Json.write(envelope(s, m, messageId, body, now)), messageId, now, body);
            }
        }
        return messageId;
    }

    private static String bodyFor(String protocol, Message m) {
        if (!"json".equals(m.structure())) {
            return m.body();
        }
        JsonNode parsed = Json.parse(m.body());
        JsonNode specific = parsed.get(protocol);
        return (specific != null ? specific : parsed.get("default")).asText();
    }

    private static boolean accepts(Subscription s, Message m, String body) {
        GenericMachine<String> filter = s.filter;
        if (filter == null) {
            return true;
        }
        try {
            if (s.bodyScope()) {
                JsonNode parsed = Json.parse(body);
                return parsed.isObject() && !filter.rulesForJSONEvent(parsed).isEmpty();
            }
            ObjectNode attrs = Json.object();
            m.attributes().forEach((k, v) -> {
                String type = v.get("Type").asText();
                String value = v.get("Value").asText();
                if (type.startsWith("Number")) {
                    attrs.put(k, new BigDecimal(value));
                } else if (type.equals("String.Array")) {
                    attrs.set(k, Json.parse(value));
                } else if (!type.startsWith("Binary")) {
                    attrs.put(k, value);
                }
            });
            return !filter.rulesForJSONEvent(attrs).isEmpty();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private ObjectNode envelope(Subscription s, Message m, String messageId, String body, Instant now) {
        ObjectNode e = Json.object()
                .put("Type", "Notification")
                .put("MessageId", messageId)
                .put("TopicArn", s.topicArn);
        if (m.subject() != null) {
            e.put("Subject", m.subject());
        }
        e.put("Message", body)
                .put("Timestamp", now.toString())
                .put("SignatureVersion", "1")
                .put("Signature", "ZGV2c3RhY2s=")
                .put(
                        "SigningCertURL",
                        "https://sns." + region + ".amazonaws.com/SimpleNotificationService-devstack.pem")
                .put(
                        "UnsubscribeURL",
                        "https://sns." + region + ".amazonaws.com/?Action=Unsubscribe&SubscriptionArn=" + s.arn);
        if (!m.attributes().isEmpty()) {
            ObjectNode attrs = e.putObject("MessageAttributes");
            m.attributes().forEach(attrs::set);
        }
        return e;
    }

    private void deliverHttp(Subscription s, String envelope, String messageId, Instant now, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(s.endpoint))
                .timeout(Duration.ofSeconds(15))
                .header("Content-Type", "text/plain; charset=UTF-8")
                .header("x-amz-sns-message-type", "Notification")
                .header("x-amz-sns-message-id", messageId)
                .header("x-amz-sns-topic-arn", s.topicArn)
                .header("x-amz-sns-subscription-arn", s.arn)
                .POST(HttpRequest.BodyPublishers.ofString(s.raw() ? body : envelope))
                .build();
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> {
            if (e != null || r.statusCode() / 100 != 2) {
                deliveries.failed(
                        now,
                        "sns subscription " + s.arn,
                        s.endpoint,
                        e != null ? e.toString() : "HTTP " + r.statusCode(),
                        body);
            }
        });
    }
}
