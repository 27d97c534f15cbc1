package dev.drsorchestrator.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drsorchestrator.contracts.envelope.EventMetadata;
import dev.drsorchestrator.contracts.events.catalog.ProtectionGroupCreated;
import dev.drsorchestrator.contracts.routing.EventSource;
import dev.drsorchestrator.kit.auth.Roles;
import dev.drsorchestrator.kit.testing.EventBus;
import dev.drsorchestrator.kit.testing.Identities;
import dev.drsorchestrator.kit.testing.KitTestResource;
import dev.drsorchestrator.kit.testing.ServiceAuthTest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;

@QuarkusTest
@QuarkusTestResource(KitTestResource.class)
class CatalogAuthTest extends ServiceAuthTest {

    private static final String ACCOUNT = "999988887777";

    @Inject
    EventBridgeClient eventBridge;

    @Inject
    SqsClient sqs;

    CatalogAuthTest() {
        super("catalog-service");
    }

    @Override
    protected Change change() {
        return new Change(
                "POST",
                "/protection-groups",
                "{\"name\":\"auth-probe\",\"accountId\":\"" + ACCOUNT
                        + "\",\"region\":\"eu-central-1\",\"tagSelector\":{\"tier\":[\"probe\"]}}");
    }

    @Override
    protected Object state() {
        return given().queryParam("accountId", ACCOUNT)
                .queryParam("region", "eu-central-1")
                .get("/protection-groups")
                .then()
                .statusCode(200)
                .extract()
                .path("items.id");
    }

    @Test
    void theActorRecordedIsTheTokensIdentityNotTheXActorHeader() {
        EventBus bus = new EventBus(eventBridge, sqs, "watch-auth-" + UUID.randomUUID(), EventSource.CATALOG_SERVICE);
        String id = given().auth()
                .oauth2(Identities.token("alice", Roles.PLANNER))
                .header("X-Actor", "mallory")
                .contentType(ContentType.JSON)
                .body("{\"name\":\"alice-group\",\"accountId\":\"" + ACCOUNT
                        + "\",\"region\":\"eu-west-1\",\"tagSelector\":{\"tier\":[\"alice\"]}}")
                .post("/protection-groups")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        EventMetadata created = bus.awaitMetadata(
                ProtectionGroupCreated.class, e -> e.protectionGroupId().value().equals(id));
        assertThat(created.actor()).isEqualTo("alice");
        assertThat(created.actorId()).isEqualTo(Identities.subjectOf("alice"));
    }
}
