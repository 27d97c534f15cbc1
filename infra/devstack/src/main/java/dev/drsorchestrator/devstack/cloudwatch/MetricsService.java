package dev.drsorchestrator.devstack.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.devstack.http.AwsRequest;
import dev.drsorchestrator.devstack.http.AwsService;
import dev.drsorchestrator.devstack.http.AwsServiceException;
import dev.drsorchestrator.devstack.http.Cbor;
import dev.drsorchestrator.devstack.http.HttpResult;
import dev.drsorchestrator.devstack.http.Json;
import dev.drsorchestrator.devstack.http.Protocol;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * CloudWatch metrics as far as the services use them: {@code PutMetricData} in the wire protocol of the SDK's
 * {@code cloudwatch} client (Smithy RPC v2 CBOR: {@code POST /service/GraniteServiceVersion20100801/operation/
 * PutMetricData}, signing name {@code monitoring}, gzipped when large), validated as CloudWatch does, and every data
 * point recorded as it came. Nothing is aggregated and there are no reads through the AWS API ({@code GetMetricData},
 * alarms on metrics); tests read what arrived with {@code GET /_devstack/cloudwatch/metrics}.
 */
public final class MetricsService implements AwsService {
    private static final String PATH_PREFIX = "/service/GraniteServiceVersion20100801/operation/";
    /** The most data points kept; the oldest go first. */
    static final int KEPT = 100_000;

    private static final Set<String> UNITS = Set.of(
            "Seconds",
            "Microseconds",
            "Milliseconds",
            "Bytes",
            "Kilobytes",
            "Megabytes",
            "Gigabytes",
            "Terabytes",
            "Bits",
            "Kilobits",
            "Megabits",
            "Gigabits",
            "Terabits",
            "Percent",
            "Count",
            "Bytes/Second",
            "Kilobytes/Second",
            "Megabytes/Second",
            "Gigabytes/Second",
            "Terabytes/Second",
            "Bits/Second",
            "Kilobits/Second",
            "Megabits/Second",
            "Gigabits/Second",
            "Terabits/Second",
            "Count/Second",
            "None");

    /**
     * One data point as PutMetricData sent it.
     *
     * @param value the single value, or null when {@code values} or {@code statisticValues} was sent instead
     * @param statisticValues {@code SampleCount}, {@code Sum}, {@code Minimum}, {@code Maximum} when sent
     */
    public record DataPoint(
            String namespace,
            String metricName,
            Map<String, String> dimensions,
            @Nullable Instant timestamp,
            @Nullable Double value,
            List<Double> values,
            List<Double> counts,
            @Nullable Map<String, Double> statisticValues,
            @Nullable String unit,
            @Nullable Integer storageResolution,
            Instant receivedAt) {

        public ObjectNode json() {
            ObjectNode o = Json.object().put("namespace", namespace).put("metricName", metricName);
            ObjectNode dims = o.putObject("dimensions");
            dimensions.forEach(dims::put);
            o.put("timestamp", timestamp == null ? null : timestamp.toString());
            if (value == null) {
                o.putNull("value");
            } else {
                o.put("value", value);
            }
            ArrayNode vs = o.putArray("values");
            values.forEach(vs::add);
            ArrayNode cs = o.putArray("counts");
            counts.forEach(cs::add);
            if (statisticValues != null) {
                ObjectNode s = o.putObject("statisticValues");
                statisticValues.forEach(s::put);
            }
            o.put("unit", unit);
            if (storageResolution != null) {
                o.put("storageResolution", storageResolution);
            }
            o.put("receivedAt", receivedAt.toString());
            return o;
        }
    }

    private final Clock clock;
    // guarded by this
    private final Deque<DataPoint> points = new ArrayDeque<>();

    public MetricsService(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String signingName() {
        return "monitoring";
    }

    @Override
    public Protocol protocol() {
        return Protocol.RPC_V2_CBOR;
    }

    public synchronized void reset() {
        points.clear();
    }

    /** What arrived, oldest first; {@code namespace} and {@code metricName} filter when not null. */
    public synchronized List<DataPoint> dataPoints(@Nullable String namespace, @Nullable String metricName) {
        return points.stream()
                .filter(p -> namespace == null || p.namespace().equals(namespace))
                .filter(p -> metricName == null || p.metricName().equals(metricName))
                .toList();
    }

    @Override
    public HttpResult handle(AwsRequest request) {
        if (!request.path().startsWith(PATH_PREFIX) || !"POST".equals(request.method())) {
            throw new AwsServiceException(
                    404,
                    "UnknownOperationException",
                    "devstack CloudWatch speaks Smithy RPC v2 CBOR only (POST " + PATH_PREFIX + "<operation>); got "
                            + request.method() + " " + request.path());
        }
        String operation = request.path().substring(PATH_PREFIX.length());
        if (!operation.equals("PutMetricData")) {
            throw new AwsServiceException(
                    404,
                    "UnknownOperationException",
                    "devstack CloudWatch implements PutMetricData only, not " + operation);
        }
        putMetricData(Cbor.read(request));
        return Cbor.result(200, Json.object());
    }

    private void putMetricData(JsonNode in) {
        String namespace = text(in, "Namespace");
        if (namespace == null) {
            throw missing("Namespace");
        }
        if (namespace.length() > 255 || namespace.startsWith("AWS/") || namespace.isBlank()) {
            throw invalid("The value " + namespace + " for parameter Namespace is not valid: 1 to 255 characters,"
                    + " not starting with AWS/.");
        }
        JsonNode data = in.path("MetricData");
        if (!data.isArray() || data.isEmpty()) {
            throw missing("MetricData");
        }
        if (data.size() > 1000) {
            throw invalid("The collection MetricData must not have a size greater than 1000.");
        }
        Instant now = clock.instant();
        List<DataPoint> read = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            read.add(datum(namespace, data.get(i), "MetricData.member." + (i + 1), now));
        }
        synchronized (this) {
            for (DataPoint p : read) {
                if (points.size() == KEPT) {
                    points.removeFirst();
                }
                points.addLast(p);
            }
        }
    }

    private static DataPoint datum(String namespace, JsonNode d, String at, Instant now) {
        String name = text(d, "MetricName");
        if (name == null) {
            throw missing(at + ".MetricName");
        }
        if (name.length() > 255) {
            throw invalid("The parameter " + at + ".MetricName must be 1 to 255 characters.");
        }
        Map<String, String> dimensions = new LinkedHashMap<>();
        JsonNode dims = d.path("Dimensions");
        if (dims.size() > 30) {
            throw invalid("The collection " + at + ".Dimensions must not have a size greater than 30.");
        }
        for (int j = 0; j < dims.size(); j++) {
            String dn = text(dims.get(j), "Name");
            String dv = text(dims.get(j), "Value");
            String dat = at + ".Dimensions.member." + (j + 1);
            if (dn == null || dv == null) {
                throw missing(dat + (dn == null ? ".Name" : ".Value"));
            }
            if (dn.length() > 255 || dv.length() > 1024) {
                throw invalid("The parameter " + dat + " is too long (Name 255, Value 1024 characters).");
            }
            if (dimensions.put(dn, dv) != null) {
                throw invalid("The parameter " + at + ".Dimensions names " + dn + " twice.");
            }
        }
        Double value = number(d, "Value");
        List<Double> values = numbers(d.path("Values"));
        List<Double> counts = numbers(d.path("Counts"));
        Map<String, Double> statistics = null;
        JsonNode s = d.path("StatisticValues");
        if (s.isObject()) {
            statistics = new LinkedHashMap<>();
            for (String field : List.of("SampleCount", "Sum", "Minimum", "Maximum")) {
                Double v = number(s, field);
                if (v == null) {
                    throw missing(at + ".StatisticValues." + field);
                }
                statistics.put(field, v);
            }
        }
        int kinds = (value != null ? 1 : 0) + (values.isEmpty() ? 0 : 1) + (statistics != null ? 1 : 0);
        if (kinds > 1) {
            throw new AwsServiceException(
                    400,
                    "InvalidParameterCombinationException",
                    "The parameters " + at + ".Value, " + at + ".Values and " + at
                            + ".StatisticValues are mutually exclusive.");
        }
        if (!counts.isEmpty() && counts.size() != values.size()) {
            throw invalid("The parameters " + at + ".Values and " + at + ".Counts must be of the same size.");
        }
        if (value != null && (value.isNaN() || value.isInfinite())) {
            throw invalid("The value " + value + " for parameter " + at + ".Value is not valid.");
        }
        String unit = text(d, "Unit");
        if (unit != null && !UNITS.contains(unit)) {
            throw invalid("The value " + unit + " for parameter " + at + ".Unit is not valid.");
        }
        JsonNode resolution = d.get("StorageResolution");
        Integer storageResolution = resolution == null || resolution.isNull() ? null : resolution.asInt();
        if (storageResolution != null && storageResolution != 1 && storageResolution != 60) {
            throw invalid("The value " + storageResolution + " for parameter " + at
                    + ".StorageResolution is not valid: 1 or 60.");
        }
        return new DataPoint(
                namespace,
                name,
                dimensions,
                timestamp(d.get("Timestamp")),
                value,
                values,
                counts,
                statistics,
                unit,
                storageResolution,
                now);
    }

    /** A timestamp: epoch seconds (CBOR tag 1, which the reader drops), or ISO-8601 text. */
    private static @Nullable Instant timestamp(@Nullable JsonNode t) {
        if (t == null || t.isNull()) {
            return null;
        }
        if (t.isNumber()) {
            return Instant.ofEpochMilli(Math.round(t.asDouble() * 1000));
        }
        try {
            return Instant.parse(t.asText());
        } catch (RuntimeException e) {
            throw invalid("The value " + t.asText() + " for a Timestamp is not valid.");
        }
    }

    private static @Nullable String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || v.asText().isEmpty() ? null : v.asText();
    }

    private static @Nullable Double number(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isNumber()) {
            throw invalid("The value " + v + " for parameter " + field + " is not a number.");
        }
        return v.asDouble();
    }

    private static List<Double> numbers(JsonNode array) {
        List<Double> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asDouble()));
        return out;
    }

    private static AwsServiceException missing(String parameter) {
        return new AwsServiceException(
                400, "MissingRequiredParameterException", "The parameter " + parameter + " is required.");
    }

    private static AwsServiceException invalid(String message) {
        return new AwsServiceException(400, "InvalidParameterValueException", message);
    }
}
