package dev.drsorchestrator.kit.testing;

import dev.drsorchestrator.devstack.testing.DevstackTestResource;
import dev.drsorchestrator.kit.auth.Roles;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.restassured.RestAssured;
import java.util.Map;

/**
 * {@code @QuarkusTestResource(KitTestResource.class)}: the JVM's shared devstack ({@link DevstackTestResource}), its
 * user pool as the service's token issuer, and every RestAssured request sent with an {@code admin}'s bearer token
 * unless the test authenticates otherwise ({@code given().auth().oauth2(...)} or {@code .auth().none()}).
 */
public final class KitTestResource implements QuarkusTestResourceLifecycleManager {

    private final DevstackTestResource devstack = new DevstackTestResource();

    @Override
    public Map<String, String> start() {
        Map<String, String> properties = devstack.start();
        RestAssured.authentication = RestAssured.oauth2(Identities.token(Identities.DEFAULT_USER, Roles.ADMIN));
        return properties;
    }

    @Override
    public void stop() {
        devstack.stop();
    }
}
