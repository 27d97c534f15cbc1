package dev.drsorchestrator.devstack.cognito;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A pool's RSA signing keys: the current one first, then up to {@link #KEPT} previous ones, all in the JWKS so that
 * tokens signed before a rotation verify until they expire. Generated on first use (an RSA key takes a while, and
 * most devstacks never sign a token).
 */
final class SigningKeys {
    /** Previous keys kept in the JWKS after rotations. */
    static final int KEPT = 5;

    private final List<RSAKey> keys = new ArrayList<>();

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .keyIDFromThumbprint(true)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate an RSA key", e);
        }
    }

    synchronized RSAKey current() {
        if (keys.isEmpty()) {
            keys.add(generate());
        }
        return keys.get(0);
    }

    /** A new current key; the old ones stay in the JWKS (the oldest beyond {@link #KEPT} go). */
    synchronized RSAKey rotate() {
        current();
        keys.add(0, generate());
        while (keys.size() > KEPT + 1) {
            keys.remove(keys.size() - 1);
        }
        return keys.get(0);
    }

    /** The public keys, current first. */
    synchronized JWKSet publicJwks() {
        current();
        return new JWKSet(new ArrayList<>(keys)).toPublicJWKSet();
    }

    String sign(JWTClaimsSet claims) {
        RSAKey key = current();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
        return jwt.serialize();
    }

    /** The claims of a token signed by one of these keys, or null when it is not a JWT or not signed by them. */
    synchronized @Nullable JWTClaimsSet verify(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            for (RSAKey key : keys) {
                if (key.getKeyID().equals(jwt.getHeader().getKeyID())) {
                    return jwt.verify(new RSASSAVerifier(key.toRSAPublicKey())) ? jwt.getJWTClaimsSet() : null;
                }
            }
            return null;
        } catch (ParseException | JOSEException e) {
            return null;
        }
    }
}
