package dev.drsorchestrator.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The console's server: its settings, the app's pages and headers, and the proxy to the services. */
@QuarkusTest
@QuarkusTestResource(FakeServices.class)
class ConsoleServerTest {

    @TestHTTPResource("/")
    URI root;

    @BeforeEach
    void forget() {
        FakeServices.RECEIVED.clear();
    }

    @Test
    void configJsonSaysWhereToSignIn() {
        given().get("/config.json")
                .then()
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .body("authority", equalTo("http://127.0.0.1:4566/us-east-1_devstack"))
                .body("clientId", equalTo("drs-console"))
                .body("scope", equalTo("openid profile email"))
                .body("logoutUrl", equalTo("https://drs.auth.us-east-1.amazoncognito.com/logout"));
    }

    @Test
    void aDeepLinkIsTheAppsPageWithItsSecurityHeaders() {
        String page = given().get("/").then().statusCode(200).extract().asString();
        given().get("/executions/exec-1234")
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .header("Cache-Control", "no-cache")
                .header("X-Frame-Options", "DENY")
                .header("X-Content-Type-Options", "nosniff")
                .header(
                        "Content-Security-Policy",
                        containsString("connect-src 'self' http://127.0.0.1:4566"
                                + " https://drs.auth.us-east-1.amazoncognito.com;"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .body(equalTo(page));
    }

    @Test
    void proxiesARequestWithItsTokenQueryAndBody() {
        given().urlEncodingEnabled(false)
                .header("Authorization", "Bearer abc")
                .contentType("application/json")
                .body("{\"name\":\"web-shop\"}")
                .post("/api/plan-service/recovery-plans?limit=5&cursor=a%2Fb")
                .then()
                .statusCode(200)
                .header("Content-Security-Policy", nullValue())
                .body("method", equalTo("POST"))
                .body("uri", equalTo("/recovery-plans?limit=5&cursor=a%2Fb"))
                .body("authorization", equalTo("Bearer abc"))
                .body("forwardedFor", equalTo("127.0.0.1"))
                .body("body.name", equalTo("web-shop"));
        assertThat(FakeServices.RECEIVED).singleElement().satisfies(r -> {
            assertThat(r.headers()).containsKey("X-forwarded-proto");
            assertThat(r.body()).isEqualTo("{\"name\":\"web-shop\"}");
        });
    }

    @Test
    void passesTheServicesStatusAndHeadersBack() {
        given().post("/api/plan-service/created")
                .then()
                .statusCode(201)
                .header("Location", "/things/1")
                .body("id", equalTo("1"));
    }

    @Test
    void refusesTheServicesPrivatePathsAndUnknownServicesAsProblems() {
        given().get("/api/plan-service/q/health")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString("/q/"));
        given().get("/api/plan-service/q").then().statusCode(404).contentType("application/problem+json");
        given().get("/api/billing-service/bills")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("title", equalTo("No such API"))
                .body("detail", containsString("notifier, plan-service"));
        assertThat(FakeServices.RECEIVED).isEmpty();
    }

    @Test
    void noEncodingOrDotSegmentReachesAServicesPrivatePathsOrAnotherService() throws Exception {
        for (String path : List.of(
                "/api/plan-service/%2e%2e/q/health",
                "/api/plan-service/%2E%2E/notifier/subscriptions",
                "/api/plan-service/x%2Fy",
                "/api/plan-service/x%5C..%5Cq")) {
            given().urlEncodingEnabled(false)
                    .get(path)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("title", equalTo("Invalid path"));
        }
        // Sent as it is (no client-side normalisation): a literal '..' segment.
        HttpResponse<String> dots = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(root + "api/plan-service/../../q/health"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        // The server resolves it before routing (to the console's own /q/health): never a service's.
        assertThat(dots.body()).doesNotContain("\"uri\"");
        // '%71' is 'q': decided on what the service would see.
        given().urlEncodingEnabled(false)
                .get("/api/plan-service/%71/health")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString("/q/"));
        given().get("/api/").then().statusCode(404).contentType("application/problem+json");
        given().get("/api").then().statusCode(404);
        assertThat(FakeServices.RECEIVED).isEmpty();
    }

    @Test
    void aServiceThatDoesNotAnswerIsABadGatewayProblem() {
        given().get("/api/notifier/subscriptions")
                .then()
                .statusCode(502)
                .contentType("application/problem+json")
                .body("title", equalTo("notifier did not answer"))
                .body("detail", containsString("Is it running?"))
                .body("detail", not(containsString("Exception")));
    }

    @Test
    void streamsServerSentEventsAsTheyComeNotWhenTheyEnd() throws Exception {
        FakeServices.secondEvent = new CountDownLatch(1);
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<Stream<String>> response = client.send(
                HttpRequest.newBuilder(root.resolve("/api/plan-service/stream"))
                        .header("Accept", "text/event-stream")
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
        Thread reader = new Thread(() -> response.body().forEach(lines::add));
        reader.setDaemon(true);
        reader.start();
        // The first event arrives while the service still holds the stream open.
        await().atMost(Duration.ofSeconds(10)).until(() -> lines.contains("data: first"));
        assertThat(lines).doesNotContain("data: second");
        FakeServices.secondEvent.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> lines.contains("data: second"));
        assertThat(lines).containsSubsequence("id: 1", "data: first", "id: 2", "data: second");
    }
}
