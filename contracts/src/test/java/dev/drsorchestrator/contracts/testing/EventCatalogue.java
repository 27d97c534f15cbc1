package dev.drsorchestrator.contracts.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drsorchestrator.contracts.EventType;
import dev.drsorchestrator.contracts.aws.AwsEventType;
import dev.drsorchestrator.contracts.envelope.EventMetadata;
import dev.drsorchestrator.contracts.routing.RoutingTable;
import dev.drsorchestrator.contracts.routing.RuleDefinition;
import dev.drsorchestrator.contracts.routing.Service;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Writes {@code docs/events.md} from the contracts: the envelope, every event, who consumes it, and the rules. */
public final class EventCatalogue {

    private EventCatalogue() {}

    public static String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Event catalogue\n\n");
        md.append("<!-- Generated from the contracts module by GeneratedArtifactsTest; do not edit by hand.\n");
        md.append("     Regenerate: ./mvnw -pl contracts test -Dcontracts.regenerate=true -->\n\n");
        md.append("Every project event is an EventBridge event on the project bus (`")
                .append(RoutingTable.DEFAULT_BUS_NAME)
                .append("` by default) with `source` = `drs-orchestrator.<producer>`, `detail-type` = the event name, ")
                .append("and `detail` = `{ \"metadata\": …, \"data\": … }`. Consumers deduplicate on ")
                .append("`detail.metadata.eventId`, tolerate fields they do not know, and refuse an event without a ")
                .append("required field. Each event has a JSON Schema (`contracts/src/main/resources")
                .append("/drs-orchestrator/schemas/`) and a sample (`…/samples/`), both on the classpath of ")
                .append("`dev.drsorchestrator:contracts`.\n\n");

        md.append("## Envelope: `detail.metadata`\n\n");
        fieldTable(md, SchemaGenerator.typeOf(EventMetadata.class));

        md.append("\n## Events\n\n| detail-type | producer | consumers | what it says |\n|---|---|---|---|\n");
        for (EventType type : EventType.values()) {
            md.append("| [`")
                    .append(type.detailType())
                    .append("`](#")
                    .append(type.detailType().toLowerCase(java.util.Locale.ROOT))
                    .append(") | ")
                    .append(type.producer().shortName())
                    .append(" | ")
                    .append(RoutingTable.consumersOf(type).stream()
                            .map(Service::serviceName)
                            .collect(Collectors.joining(", ")))
                    .append(" | ")
                    .append(type.description())
                    .append(" |\n");
        }

        md.append("\n## AWS events consumed\n\nThese arrive on the account's `default` bus; ")
                .append("`AwsEventParser` reads them. Samples under `/drs-orchestrator/aws-samples/` are AWS's ")
                .append("documented payloads, except `DRS Job State Change`: AWS does not publish it today, so its ")
                .append("sample follows the shape the seed documents show (see `AwsEventParser`).\n\n")
                .append("| source | detail-type | consumers |\n|---|---|---|\n");
        for (AwsEventType type : AwsEventType.values()) {
            md.append("| `")
                    .append(type.source().source())
                    .append("` | `")
                    .append(type.detailType())
                    .append("` | ")
                    .append(RoutingTable.consumersOf(type.source(), type.detailType()).stream()
                            .map(Service::serviceName)
                            .collect(Collectors.joining(", ")))
                    .append(" |\n");
        }

        md.append("\n## By service\n\n| service | inbox queue | publishes | consumes |\n|---|---|---|---|\n");
        for (Service service : Service.values()) {
            md.append("| ")
                    .append(service.serviceName())
                    .append(" | `")
                    .append(service.inboxQueue())
                    .append("` | ")
                    .append(java.util.Arrays.stream(EventType.values())
                            .filter(t -> t.producer() == service.eventSource())
                            .map(t -> "`" + t.detailType() + "`")
                            .collect(Collectors.joining(", ")))
                    .append(" | ")
                    .append(RoutingTable.subscriptionsOf(service).stream()
                            .flatMap(s -> s.detailTypes().stream())
                            .map(d -> "`" + d + "`")
                            .collect(Collectors.joining(", ")))
                    .append(" |\n");
        }

        md.append("\n## Routing rules\n\nDerived by `RoutingTable.rules()` (bus and rule prefix `")
                .append(RoutingTable.DEFAULT_BUS_NAME)
                .append(
                        "`), plus `RoutingTable.forwardedRules()`: the copy on the project bus for DRS events that member ")
                .append("accounts forward (`infra/aws`); every deployment creates exactly these. ")
                .append("Each inbox queue has a dead-letter queue `<queue>-dlq` (maxReceiveCount ")
                .append(Service.MAX_RECEIVE_COUNT)
                .append(").\n\n| rule | bus | target queue | event pattern |\n|---|---|---|---|\n");
        List<RuleDefinition> rules = new java.util.ArrayList<>(RoutingTable.rules());
        rules.addAll(RoutingTable.forwardedRules(RoutingTable.DEFAULT_BUS_NAME, RoutingTable.DEFAULT_BUS_NAME));
        for (RuleDefinition rule : rules) {
            md.append("| `")
                    .append(rule.name())
                    .append("` | `")
                    .append(rule.eventBusName())
                    .append("` | `")
                    .append(rule.targetQueueName())
                    .append("` | `")
                    .append(rule.eventPattern())
                    .append("` |\n");
        }

        md.append("\n## Payloads: `detail.data`\n");
        for (EventType type : EventType.values()) {
            md.append("\n### ").append(type.detailType()).append("\n\n");
            md.append(type.description()).append("\n\n");
            md.append("Source `")
                    .append(type.source())
                    .append("`. Schema `")
                    .append(type.schemaResource())
                    .append("`, sample `")
                    .append(type.sampleResource())
                    .append("`.\n\n");
            fieldTable(md, SchemaGenerator.typeOf(type.payloadType()));
        }
        return md.toString();
    }

    private static void fieldTable(StringBuilder md, JsonNode schema) {
        md.append("| field | type | required |\n|---|---|---|\n");
        List<String[]> rows = new ArrayList<>();
        collect("", schema, rows);
        for (String[] row : rows) {
            md.append("| `")
                    .append(row[0])
                    .append("` | ")
                    .append(row[1])
                    .append(" | ")
                    .append(row[2])
                    .append(" |\n");
        }
    }

    private static void collect(String prefix, JsonNode schema, List<String[]> rows) {
        if (schema.has("oneOf")) {
            for (JsonNode alternative : schema.get("oneOf")) {
                String kind = alternative
                        .path("properties")
                        .path("type")
                        .path("const")
                        .asText();
                collectProperties(prefix, alternative, rows, " (" + kind + ")");
            }
            return;
        }
        collectProperties(prefix, schema, rows, "");
    }

    private static void collectProperties(String prefix, JsonNode schema, List<String[]> rows, String variant) {
        Set<String> required = new TreeSet<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        schema.path("properties").properties().forEach(entry -> {
            String name = prefix + entry.getKey();
            JsonNode property = entry.getValue();
            rows.add(new String[] {name, describe(property) + variant, required.contains(entry.getKey()) ? "yes" : "no"
            });
            nested(name, property, rows);
        });
    }

    private static void nested(String name, JsonNode property, List<String[]> rows) {
        if ("array".equals(property.path("type").asText())) {
            nested(name + "[]", property.get("items"), rows);
        } else if (property.has("properties") || property.has("oneOf")) {
            collect(name + ".", property, rows);
        }
    }

    private static String describe(JsonNode property) {
        if (property.has("const")) {
            return "`\"" + property.get("const").asText() + "\"`";
        }
        if (property.has("oneOf")) {
            return "one of " + property.get("oneOf").size() + " kinds, by `type`";
        }
        String type = property.path("type").asText("any");
        if (property.has("enum")) {
            List<String> values = new ArrayList<>();
            property.get("enum").forEach(v -> values.add(v.asText()));
            return "enum " + String.join(" \\| ", values);
        }
        if (property.has("pattern")) {
            return "string `" + property.get("pattern").asText().replace("|", "\\|") + "`";
        }
        if (property.has("format")) {
            return property.get("format").asText();
        }
        if ("array".equals(type)) {
            return "array of " + describe(property.get("items"));
        }
        if ("object".equals(type) && property.has("additionalProperties")) {
            return "map of string to " + describe(property.get("additionalProperties"));
        }
        return type;
    }
}
