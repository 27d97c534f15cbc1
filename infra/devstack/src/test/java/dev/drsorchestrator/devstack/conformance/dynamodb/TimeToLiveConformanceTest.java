package dev.drsorchestrator.devstack.conformance.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drsorchestrator.devstack.conformance.AwsTarget;
import dev.drsorchestrator.devstack.conformance.Diverges;
import java.time.Duration;
import java.time.Instant;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveSpecification;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/** UpdateTimeToLive, DescribeTimeToLive, and (on devstack) the prompt deletion of expired items. */
@ParameterizedClass(name = "[{0}]")
@MethodSource("dev.drsorchestrator.devstack.conformance.Targets#dynamodb")
class TimeToLiveConformanceTest extends DynamoDbConformance {

    private TimeToLiveDescription ttl(String table) {
        return ddb.describeTimeToLive(b -> b.tableName(table)).timeToLiveDescription();
    }

    private TimeToLiveSpecification setTtl(String table, String attribute, boolean enabled) {
        return ddb.updateTimeToLive(b -> b.tableName(table)
                        .timeToLiveSpecification(s -> s.attributeName(attribute).enabled(enabled)))
                .timeToLiveSpecification();
    }

    @Test
    void aNewTableHasTimeToLiveDisabled() {
        String name = table("ttl", false);
        assertThat(ttl(name).timeToLiveStatus()).isEqualTo(TimeToLiveStatus.DISABLED);
    }

    @Test
    void enablingTimeToLiveIsDescribedEnabledWithItsAttribute() {
        String name = table("ttl", false);
        TimeToLiveSpecification answer = setTtl(name, "expiresAt", true);
        assertThat(answer.enabled()).isTrue();
        assertThat(answer.attributeName()).isEqualTo("expiresAt");
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            TimeToLiveDescription d = ttl(name);
            assertThat(d.timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
            assertThat(d.attributeName()).isEqualTo("expiresAt");
        });
    }

    /**
     * AWS's quotas: UpdateTimeToLive "supports only one request to enable or disable" TTL per table per hour; "any
     * additional UpdateTimeToLive calls for the same table during this one hour duration result in a
     * ValidationException".
     */
    @Test
    @Diverges(
            target = AwsTarget.MOTO,
            reason =
                    "moto disables TTL right after enabling it ; AWS: one UpdateTimeToLive per table per hour, further calls within the hour are a ValidationException")
    void aSecondTimeToLiveChangeWithinAnHourIsRefused() {
        String name = table("ttl", false);
        setTtl(name, "expiresAt", true);
        assertValidation(() -> setTtl(name, "expiresAt", false));
        assertThat(ttl(name).timeToLiveStatus()).isIn(TimeToLiveStatus.ENABLING, TimeToLiveStatus.ENABLED);
        assertThat(ttl(name).attributeName()).isEqualTo("expiresAt");
    }

    @Test
    @Diverges(
            target = AwsTarget.MOTO,
            reason =
                    "moto answers UpdateTimeToLive/DescribeTimeToLive on a missing table with a generic 400 'Table not found' ; AWS: ResourceNotFoundException")
    void timeToLiveOfAMissingTableIsResourceNotFound() {
        assertThatThrownBy(() -> setTtl("no-such-table-ttl", "expiresAt", true))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> ttl("no-such-table-ttl")).isInstanceOf(ResourceNotFoundException.class);
    }

    /**
     * AWS deletes expired items "typically within a few days", so prompt deletion is devstack's own promise (its sweeper
     * runs about every second); the case runs on devstack only. Items whose TTL attribute is in the future, is not a
     * Number, or is missing stay, as in AWS.
     */
    @Test
    void devstackOnlyDeletesExpiredItemsWithinSeconds() {
        Assumptions.assumeTrue(target.is(AwsTarget.DEVSTACK), "prompt TTL deletion is devstack's own promise");
        String name = table("ttl", false);
        setTtl(name, "expiresAt", true);
        long now = Instant.now().getEpochSecond();
        put(name, item("pk", "expired", "expiresAt", now - 60));
        put(name, item("pk", "future", "expiresAt", now + 3600));
        put(name, item("pk", "string", "expiresAt", s(Long.toString(now - 60))));
        put(name, item("pk", "none"));
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> get(name, item("pk", "expired")) == null);
        assertThat(get(name, item("pk", "future"))).isNotNull();
        assertThat(get(name, item("pk", "string"))).isNotNull();
        assertThat(get(name, item("pk", "none"))).isNotNull();
    }
}
