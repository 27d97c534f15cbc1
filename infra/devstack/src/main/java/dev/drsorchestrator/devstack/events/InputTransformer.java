package dev.drsorchestrator.devstack.events;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drsorchestrator.devstack.http.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * EventBridge's input transformer: values picked by {@code InputPathsMap} fill the {@code <name>} placeholders of
 * {@code InputTemplate}. Inside a JSON string a value goes in as text; outside, as JSON (strings quoted), which is
 * AWS's rule. A path with nothing behind it gives {@code null} outside quotes and an empty string inside.
 */
public record InputTransformer(Map<String, String> inputPathsMap, String inputTemplate) {
    private static final Pattern PLACEHOLDER = Pattern.compile("<([A-Za-z0-9_.\\-]+)>");
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_\\-]{1,256}");

    /** Checks the transformer; returns the reason it is invalid, or null. */
    public @Nullable String check() {
        if (inputPathsMap.size() > 100) {
            return "InputPathsMap has more than 100 entries";
        }
        for (var e : inputPathsMap.entrySet()) {
            if (!KEY.matcher(e.getKey()).matches() || e.getKey().startsWith("aws.")) {
                return "InputPathsMap key '" + e.getKey() + "' is not valid";
            }
            String reason = JsonPaths.check(e.getValue());
            if (reason != null) {
                return "InputPathsMap value for '" + e.getKey() + "' is not a valid JSON path: " + reason;
            }
        }
        Matcher m = PLACEHOLDER.matcher(inputTemplate);
        while (m.find()) {
            String key = m.group(1);
            if (!inputPathsMap.containsKey(key) && !key.startsWith("aws.")) {
                return "InputTemplate contains placeholder <" + key + "> that InputPathsMap does not define";
            }
        }
        return null;
    }

    public String apply(JsonNode event, String ruleName, String ruleArn) {
        Map<String, JsonNode> values = new LinkedHashMap<>();
        inputPathsMap.forEach((k, path) -> values.put(k, JsonPaths.read(event, path)));
        values.put("aws.events.rule-name", Json.MAPPER.getNodeFactory().textNode(ruleName));
        values.put("aws.events.rule-arn", Json.MAPPER.getNodeFactory().textNode(ruleArn));
        values.put("aws.events.event", event);
        values.put("aws.events.event.json", event);
        values.put("aws.events.event.ingestion-time", event.get("time"));
        StringBuilder out = new StringBuilder(inputTemplate.length() + 64);
        boolean inString = false;
        int i = 0;
        while (i < inputTemplate.length()) {
            char c = inputTemplate.charAt(i);
            if (c == '<') {
                Matcher m = PLACEHOLDER.matcher(inputTemplate).region(i, inputTemplate.length());
                if (m.lookingAt() && values.containsKey(m.group(1))) {
                    JsonNode v = values.get(m.group(1));
                    out.append(inString ? textInsideString(v) : jsonText(v));
                    i = m.end();
                    continue;
                }
            }
            if (c == '"' && !escaped(inputTemplate, i)) {
                inString = !inString;
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    private static boolean escaped(String s, int i) {
        int backslashes = 0;
        for (int j = i - 1; j >= 0 && s.charAt(j) == '\\'; j--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }

    private static String jsonText(@Nullable JsonNode v) {
        return v == null || v.isMissingNode() ? "null" : Json.write(v);
    }

    private static String textInsideString(@Nullable JsonNode v) {
        if (v == null || v.isMissingNode() || v.isNull()) {
            return "";
        }
        String raw = v.isTextual() ? v.asText() : Json.write(v);
        String quoted = Json.write(raw);
        return quoted.substring(1, quoted.length() - 1);
    }
}
