package dev.drsorchestrator.devstack.conformance.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.fail;

import dev.drsorchestrator.devstack.conformance.AwsTarget;
import dev.drsorchestrator.devstack.conformance.Diverges;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.params.Parameter;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * What every DynamoDB conformance class shares: the target it runs against (a parameter of the class), a client of it,
 * fresh uniquely named tables per case (dropped afterwards), and the skip of cases where the target is a known
 * divergence from AWS ({@link Diverges}). Concrete classes are
 * {@code @ParameterizedClass @MethodSource("dev.drsorchestrator.devstack.conformance.Targets#dynamodb")}.
 *
 * <p>Also the helpers the cases share: attribute values ({@link #s}, {@link #n}, {@link #item} …), table factories
 * ({@link #table}, {@link #create} with a {@link TableSpec}), reads that follow every page ({@link #queryAll},
 * {@link #scanAll}) and the check of a ValidationException ({@link #assertValidation}). The SDK has no class for
 * ValidationException: it arrives as a plain {@link DynamoDbException} with that error code.
 */
abstract class DynamoDbConformance {
    static final ScalarAttributeType S = ScalarAttributeType.S;
    static final ScalarAttributeType N = ScalarAttributeType.N;
    static final ScalarAttributeType B = ScalarAttributeType.B;

    @Parameter
    AwsTarget target;

    DynamoDbClient ddb;
    private final List<String> created = new ArrayList<>();

    @BeforeEach
    final void connect(TestInfo info) {
        info.getTestMethod().ifPresent(m -> {
            for (Diverges d : m.getAnnotationsByType(Diverges.class)) {
                Assumptions.assumeFalse(target.is(d.target()), () -> target + " diverges from AWS here: " + d.reason());
            }
        });
        ddb = target.dynamodb();
    }

    @AfterEach
    final void dropTables() {
        for (String name : created) {
            try {
                ddb.deleteTable(b -> b.tableName(name));
            } catch (ResourceNotFoundException gone) {
                // the case deleted it itself
            }
        }
        created.clear();
    }

    /** A unique table name with this prefix, dropped after the case. */
    String name(String prefix) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        created.add(name);
        return name;
    }

    /** Creates an on-demand table with a string hash key {@code pk} (and a string range key {@code sk} if asked). */
    String table(String prefix, boolean withRange) {
        TableSpec spec = TableSpec.hash("pk", S);
        if (withRange) {
            spec.range("sk", S);
        }
        return create(prefix, spec);
    }

    /** Creates a table as specified under a unique name (dropped after the case) and waits until it is ACTIVE. */
    String create(String prefix, TableSpec spec) {
        String name = name(prefix);
        ddb.createTable(spec.request(name));
        awaitActive(name);
        return name;
    }

    void awaitActive(String name) {
        Awaitility.await("table " + name + " ACTIVE")
                .atMost(Duration.ofSeconds(60))
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(50))
                .until(() -> ddb.describeTable(b -> b.tableName(name)).table().tableStatus() == TableStatus.ACTIVE);
    }

    /** Items as {@code pk/sk} strings (string keys), for comparing what a read returned. */
    static List<String> pkSk(List<Map<String, AttributeValue>> items) {
        List<String> keys = new ArrayList<>();
        for (Map<String, AttributeValue> i : items) {
            keys.add(i.get("pk").s() + "/" + i.get("sk").s());
        }
        return keys;
    }

    // ---- attribute values

    static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    static AttributeValue n(String v) {
        return AttributeValue.fromN(v);
    }

    static AttributeValue n(long v) {
        return AttributeValue.fromN(Long.toString(v));
    }

    static AttributeValue b(int... bytes) {
        return AttributeValue.fromB(bytes(bytes));
    }

    static SdkBytes bytes(int... bytes) {
        byte[] raw = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            raw[i] = (byte) bytes[i];
        }
        return SdkBytes.fromByteArray(raw);
    }

    static AttributeValue bool(boolean v) {
        return AttributeValue.fromBool(v);
    }

    static AttributeValue nul() {
        return AttributeValue.fromNul(true);
    }

    static AttributeValue ss(String... v) {
        return AttributeValue.fromSs(List.of(v));
    }

    static AttributeValue ns(String... v) {
        return AttributeValue.fromNs(List.of(v));
    }

    static AttributeValue bs(SdkBytes... v) {
        return AttributeValue.fromBs(List.of(v));
    }

    static AttributeValue l(AttributeValue... v) {
        return AttributeValue.fromL(List.of(v));
    }

    static AttributeValue m(Object... nameValue) {
        return AttributeValue.fromM(item(nameValue));
    }

    /**
     * An item (or key, or value map) from alternating names and values; a value that is a String becomes S, a Number
     * becomes N, an AttributeValue stays as it is.
     */
    static Map<String, AttributeValue> item(Object... nameValue) {
        if (nameValue.length % 2 != 0) {
            throw new IllegalArgumentException("names and values must alternate");
        }
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            item.put((String) nameValue[i], value(nameValue[i + 1]));
        }
        return item;
    }

    private static AttributeValue value(Object v) {
        if (v instanceof AttributeValue) {
            return (AttributeValue) v;
        }
        if (v instanceof String) {
            return s((String) v);
        }
        if (v instanceof Number) {
            return n(v.toString());
        }
        throw new IllegalArgumentException("not an attribute value: " + v);
    }

    // ---- operations

    void put(String table, Map<String, AttributeValue> item) {
        ddb.putItem(b -> b.tableName(table).item(item));
    }

    /** A strongly consistent GetItem; null when there is no such item. */
    Map<String, AttributeValue> get(String table, Map<String, AttributeValue> key) {
        GetItemResponse r = ddb.getItem(b -> b.tableName(table).key(key).consistentRead(true));
        return r.hasItem() ? r.item() : null;
    }

    /** Every item of a query, following LastEvaluatedKey page by page. */
    List<Map<String, AttributeValue>> queryAll(QueryRequest request) {
        List<Map<String, AttributeValue>> all = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        for (int page = 0; page < 10_000; page++) {
            QueryRequest.Builder b = request.toBuilder();
            if (start != null) {
                b.exclusiveStartKey(start);
            }
            QueryResponse r = ddb.query(b.build());
            all.addAll(r.items());
            if (!r.hasLastEvaluatedKey() || r.lastEvaluatedKey().isEmpty()) {
                return all;
            }
            start = r.lastEvaluatedKey();
        }
        return fail("a query did not end after 10000 pages");
    }

    /** Every item of a scan, following LastEvaluatedKey page by page. */
    List<Map<String, AttributeValue>> scanAll(ScanRequest request) {
        List<Map<String, AttributeValue>> all = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        for (int page = 0; page < 10_000; page++) {
            ScanRequest.Builder b = request.toBuilder();
            if (start != null) {
                b.exclusiveStartKey(start);
            }
            ScanResponse r = ddb.scan(b.build());
            all.addAll(r.items());
            if (!r.hasLastEvaluatedKey() || r.lastEvaluatedKey().isEmpty()) {
                return all;
            }
            start = r.lastEvaluatedKey();
        }
        return fail("a scan did not end after 10000 pages");
    }

    /** The S values of one attribute of these items, in their order (null where missing). */
    static List<String> strings(List<Map<String, AttributeValue>> items, String attribute) {
        List<String> values = new ArrayList<>();
        for (Map<String, AttributeValue> i : items) {
            AttributeValue v = i.get(attribute);
            values.add(v == null ? null : v.s());
        }
        return values;
    }

    /**
     * Asserts that the call fails with DynamoDB's ValidationException (status 400; a plain DynamoDbException with that
     * error code, as the SDK has no class for it) whose message contains each of the parts, ignoring case.
     */
    static DynamoDbException assertValidation(ThrowingCallable call, String... messageParts) {
        Throwable t = catchThrowable(call);
        if (t == null) {
            return fail("expected a ValidationException, but the call succeeded");
        }
        assertThat(t).as("expected a ValidationException, got %s", t).isExactlyInstanceOf(DynamoDbException.class);
        DynamoDbException e = (DynamoDbException) t;
        assertThat(e.awsErrorDetails().errorCode()).as("error code of %s", e).isEqualTo("ValidationException");
        assertThat(e.statusCode()).as("HTTP status of %s", e).isEqualTo(400);
        for (String part : messageParts) {
            assertThat(e.awsErrorDetails().errorMessage())
                    .as("ValidationException message")
                    .containsIgnoringCase(part);
        }
        return e;
    }
}
