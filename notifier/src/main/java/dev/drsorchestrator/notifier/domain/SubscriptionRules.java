package dev.drsorchestrator.notifier.domain;

import dev.drsorchestrator.contracts.model.ExecutionType;
import dev.drsorchestrator.contracts.model.TriggerType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** What a subscription request must be: a protocol SNS delivers, a matching endpoint, a filter on known attributes. */
public final class SubscriptionRules {

    public static final Set<String> PROTOCOLS = Set.of("email", "https", "sqs");
    public static final Set<String> FILTER_KEYS =
            Set.of("planId", "planName", "executionId", "executionType", "status", "severity", "trigger");
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "severity", names(Severity.values()),
            "executionType", names(ExecutionType.values()),
            "status",
                    Set.of(
                            "STARTED",
                            "AWAITING_APPROVAL",
                            "WAVE_STARTED",
                            "WAVE_COMPLETED",
                            "WAVE_FAILED",
                            "PAUSED",
                            "RESUMED",
                            "COMPLETED",
                            "FAILED",
                            "CANCELLED",
                            "REJECTED"),
            "trigger", names(TriggerType.values()));
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");
    private static final Pattern SQS_ARN =
            Pattern.compile("^arn:aws[a-z-]*:sqs:[a-z0-9-]+:\\d{12}:[A-Za-z0-9_-]{1,80}$");
    private static final Pattern TOPIC_ARN =
            Pattern.compile("^arn:aws[a-z-]*:sns:[a-z0-9-]+:\\d{12}:[A-Za-z0-9_-]{1,256}$");

    private SubscriptionRules() {}

    private static Set<String> names(Enum<?>[] values) {
        return java.util.Arrays.stream(values).map(Enum::name).collect(java.util.stream.Collectors.toSet());
    }

    public static List<InvalidSubscription.Problem> check(
            @Nullable String protocol,
            @Nullable String endpoint,
            @Nullable Map<String, List<String>> filter,
            @Nullable String topicArn) {
        List<InvalidSubscription.Problem> out = new ArrayList<>();
        if (protocol == null || !PROTOCOLS.contains(protocol)) {
            out.add(new InvalidSubscription.Problem(
                    "protocol",
                    "must be one of email, https, sqs but was " + (protocol == null ? "missing" : protocol)));
        }
        if (endpoint == null || endpoint.isBlank()) {
            out.add(new InvalidSubscription.Problem("endpoint", "is required"));
        } else if ("email".equals(protocol) && !EMAIL.matcher(endpoint).matches()) {
            out.add(new InvalidSubscription.Problem("endpoint", "is not an email address: " + endpoint));
        } else if ("https".equals(protocol) && !endpoint.startsWith("https://")) {
            out.add(new InvalidSubscription.Problem("endpoint", "must be an https:// URL for protocol https"));
        } else if ("sqs".equals(protocol) && !SQS_ARN.matcher(endpoint).matches()) {
            out.add(new InvalidSubscription.Problem(
                    "endpoint", "must be an SQS queue ARN (arn:aws:sqs:<region>:<account>:<queue>) for protocol sqs"));
        }
        if (topicArn != null && !TOPIC_ARN.matcher(topicArn).matches()) {
            out.add(new InvalidSubscription.Problem("topicArn", "is not an SNS topic ARN: " + topicArn));
        }
        if (filter != null) {
            filter.forEach((key, values) -> {
                String field = "filter." + key;
                if (!FILTER_KEYS.contains(key)) {
                    out.add(new InvalidSubscription.Problem(
                            field,
                            "is not a message attribute; filter on "
                                    + String.join(
                                            ", ", FILTER_KEYS.stream().sorted().toList())));
                } else if (values == null || values.isEmpty() || values.size() > 50) {
                    out.add(new InvalidSubscription.Problem(field, "must list 1 to 50 values"));
                } else if (ALLOWED.containsKey(key)) {
                    for (String v : values) {
                        if (!ALLOWED.get(key).contains(v)) {
                            out.add(new InvalidSubscription.Problem(
                                    field,
                                    "'" + v + "' is not one of "
                                            + ALLOWED.get(key).stream().sorted().toList()));
                        }
                    }
                }
            });
        }
        return out;
    }
}
