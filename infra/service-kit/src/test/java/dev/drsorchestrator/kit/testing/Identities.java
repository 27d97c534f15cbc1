package dev.drsorchestrator.kit.testing;

import dev.drsorchestrator.devstack.Devstack;
import dev.drsorchestrator.devstack.cognito.DefaultUserPool;
import dev.drsorchestrator.devstack.cognito.UserPool;
import dev.drsorchestrator.devstack.testing.DevstackExtension;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Real tokens for tests: users of devstack's default user pool (the test JVM's shared devstack), signed by its keys,
 * verified by the service under test exactly as in production.
 */
public final class Identities {

    /** The user every test request is sent as unless a test says otherwise (see {@link KitTestResource}). */
    public static final String DEFAULT_USER = "test-admin";

    public static final String PASSWORD = "Passw0rd!-for-tests";

    /** devstack's confidential app client for machine clients (client credentials, scopes {@code drs/<role>}). */
    public static final String AUTOMATION_CLIENT = DefaultUserPool.AUTOMATION_CLIENT_ID;

    private static final Map<String, List<String>> USERS = new ConcurrentHashMap<>();

    private Identities() {}

    public static UserPool pool() {
        Devstack devstack = DevstackExtension.SharedDevstack.get();
        return devstack.cognito().defaultPool();
    }

    /**
     * An access token of {@code username}, a member of exactly {@code groups} (created or reset on first use; a
     * user's groups are fixed for the JVM, so use one name per set of roles).
     */
    public static synchronized String token(String username, String... groups) {
        List<String> wanted = List.of(groups);
        List<String> known = USERS.putIfAbsent(username, wanted);
        if (known == null || !known.equals(wanted)) {
            USERS.put(username, wanted);
            pool().putUser(username, PASSWORD, username + "@example.com", wanted);
        }
        return pool().accessToken(username);
    }

    /** The subject ({@code sub}) of a user {@link #token} created. */
    public static String subjectOf(String username) {
        return pool().subjectOf(username);
    }
}
