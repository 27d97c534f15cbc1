package dev.drsorchestrator.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drsorchestrator.devstack.http.Json;
import dev.drsorchestrator.devstack.testing.DevstackExtension;
import dev.drsorchestrator.devstack.testing.DevstackTestResource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(DevstackExtension.class)
class EdgeAndAdminTest {
    private final Devstack devstack;
    private final Clients clients;

    EdgeAndAdminTest(Devstack devstack) {
        this.devstack = devstack;
        this.clients = new Clients(devstack);
    }

    @BeforeEach
    void reset() {
        devstack.reset();
    }

    @Test
    void requestsForNoKnownServiceAreToldWhatIsWrong() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        var unsigned = http.send(
                HttpRequest.newBuilder(URI.create(devstack.endpoint() + "/"))
                        .POST(HttpRequest.BodyPublishers.ofString("{}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(unsigned.statusCode()).isEqualTo(400);
        assertThat(unsigned.body()).contains("no SigV4 credential scope");
        var s3 = http.send(
                HttpRequest.newBuilder(URI.create(devstack.endpoint() + "/bucket"))
                        .header(
                                "Authorization",
                                "AWS4-HMAC-SHA256 Credential=AKID/20261123/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=x")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(s3.statusCode()).isEqualTo(400);
        assertThat(s3.body()).contains("does not emulate the AWS service 's3'").contains("drs");
    }

    @Test
    void healthResetAndUnknownRoutes() {
        JsonNode health = Json.parse(clients.admin("GET", "health", null).body());
        assertThat(health.path("status").asText()).isEqualTo("UP");
        assertThat(health.path("endpoint").asText())
                .isEqualTo(devstack.endpoint().toString());
        var missing = clients.admin("GET", "nothing/here", null);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("docs/devstack.md");

        clients.queue(clients.sqs(), "kept-until-reset");
        clients.admin("POST", "drs/fleet", "{\"count\":3}");
        assertThat(clients.admin("POST", "reset", null).statusCode()).isEqualTo(200);
        assertThat(clients.sqs().listQueues().queueUrls()).isEmpty();
        assertThat(Json.parse(clients.admin("GET", "drs/servers", null).body())).isEmpty();
    }

    @Test
    void badAdminInputIsA400NamingTheField() {
        var noHost = clients.admin("POST", "drs/servers", "[{\"account\":\"111122223333\"}]");
        assertThat(noHost.statusCode()).isEqualTo(400);
        assertThat(noHost.body()).contains("hostname");
        var badAccount = clients.admin("POST", "drs/servers", "[{\"hostname\":\"a\",\"account\":\"12\"}]");
        assertThat(badAccount.statusCode()).isEqualTo(400);
        assertThat(badAccount.body()).contains("account").contains("12 digits");
        var badFraction = clients.admin("PUT", "drs/faults", "{\"failLaunchFraction\":2}");
        assertThat(badFraction.statusCode()).isEqualTo(400);
        assertThat(badFraction.body()).contains("between 0 and 1");
        var badJson = clients.admin("PUT", "drs/timings", "{not json");
        assertThat(badJson.statusCode()).isEqualTo(400);
        assertThat(Json.parse(clients.admin("GET", "drs/servers", null).body())).isEmpty();
    }

    @Test
    void theDrsCallLogIsReadableOverHttp() {
        clients.admin("POST", "drs/fleet", "{\"count\":2}");
        clients.drs().describeSourceServers(b -> {});
        clients.drs().describeJobs(b -> {});
        JsonNode calls = Json.parse(
                clients.admin("GET", "drs/calls?operation=DescribeJobs", null).body());
        assertThat(calls).hasSize(1);
        assertThat(calls.get(0).path("operation").asText()).isEqualTo("DescribeJobs");
        assertThat(calls.get(0).path("outcome").asText()).isEqualTo("OK");
        assertThat(calls.get(0).path("at").asText()).isNotBlank();
        assertThat(Json.parse(clients.admin("GET", "drs/calls?after=1", null).body()))
                .hasSize(1);
    }

    @Test
    void aYamlFleetFileSeedsServersAndGeneratesMore(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("fleet.yaml");
        Files.writeString(file, """
                servers:
                  - hostname: db-01
                    account: "111122223333"
                    tags: {Tier: db}
                    replicationState: STALLED
                generate:
                  - count: 4
                    tiers: [web]
                faults:
                  failServers: []
                  failLaunchFraction: 0.5
                """);
        dev.drsorchestrator.devstack.admin.FleetFile.load(file).applyTo(devstack.drs());
        JsonNode servers = Json.MAPPER.valueToTree(devstack.drs().allServers());
        assertThat(servers).hasSize(5);
        assertThat(devstack.drs().faults().failLaunchFraction()).isEqualTo(0.5);
        assertThat(servers.findValuesAsText("dataReplicationState")).contains("STALLED");
    }

    @Test
    void theQuarkusTestResourcePointsEveryClientAtTheDevstack() {
        var props = DevstackTestResource.properties(devstack);
        assertThat(props)
                .containsEntry(
                        "quarkus.dynamodb.endpoint-override",
                        devstack.endpoint().toString())
                .containsEntry("quarkus.sqs.aws.region", "us-east-1")
                .containsEntry("devstack.endpoint", devstack.endpoint().toString());
        assertThat(new DevstackTestResource().start()).isEqualTo(props);
    }
}
