package dev.drsorchestrator.devstack.cognito;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.drsorchestrator.devstack.Devstack;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/** Test helpers: an SDK client, plain HTTP (no redirects followed) and token verification against a served JWKS. */
final class Idp {
    private final Devstack devstack;
    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    Idp(Devstack devstack) {
        this.devstack = devstack;
    }

    CognitoIdentityProviderClient sdk() {
        return CognitoIdentityProviderClient.builder()
                .endpointOverride(devstack.endpoint())
                .region(Region.of(devstack.region()))
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create("devstack", "devstack")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    HttpResponse<String> get(URI uri, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).GET();
        if (headers.length > 0) {
            b.headers(headers);
        }
        return send(b.build());
    }

    HttpResponse<String> postForm(URI uri, Map<String, String> form, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(form)));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return send(b.build());
    }

    HttpResponse<String> post(URI uri) {
        return send(HttpRequest.newBuilder(uri)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String form(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String basic(String id, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    /** The JWKS the pool serves over HTTP. */
    JWKSet jwks(UserPool pool) {
        HttpResponse<String> r = get(pool.jwksUri());
        assertThat(r.statusCode()).isEqualTo(200);
        try {
            return JWKSet.parse(r.body());
        } catch (ParseException e) {
            throw new AssertionError(e);
        }
    }

    /** The token's claims after checking its RS256 signature with the served JWKS key its kid names. */
    JWTClaimsSet verify(UserPool pool, String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
            String kid = jwt.getHeader().getKeyID();
            assertThat(kid).isNotBlank();
            RSAKey key = (RSAKey) jwks(pool).getKeyByKeyId(kid);
            assertThat(key).as("served JWKS has kid " + kid).isNotNull();
            assertThat(key.isPrivate()).isFalse();
            assertThat(jwt.verify(new RSASSAVerifier(key))).as("signature").isTrue();
            return jwt.getJWTClaimsSet();
        } catch (ParseException | JOSEException e) {
            throw new AssertionError(e);
        }
    }

    static String kid(String token) {
        try {
            return SignedJWT.parse(token).getHeader().getKeyID();
        } catch (ParseException e) {
            throw new AssertionError(e);
        }
    }
}
