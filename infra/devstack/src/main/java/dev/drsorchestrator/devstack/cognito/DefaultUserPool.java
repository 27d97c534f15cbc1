package dev.drsorchestrator.devstack.cognito;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The user pool every devstack starts with, {@code <region>_devstack} named {@code drs-orchestrator}: the console's
 * roles as groups, the {@code drs} resource server with one scope per role, the console's public client and the
 * automation's confidential one. No users: tests add them with {@link UserPool#putUser}.
 */
public final class DefaultUserPool {
    /** The pool id's suffix: the pool is {@code <region>_devstack}, e.g. {@code us-east-1_devstack}. */
    public static final String ID_SUFFIX = "devstack";

    public static final String NAME = "drs-orchestrator";

    public static final String VIEWER = "viewer";
    public static final String PLANNER = "planner";
    public static final String DRILL_OPERATOR = "drill-operator";
    public static final String RECOVERY_OPERATOR = "recovery-operator";
    public static final String APPROVER = "approver";
    public static final String ADMIN = "admin";
    /** The groups, least privileged first. */
    public static final List<String> GROUPS =
            List.of(VIEWER, PLANNER, DRILL_OPERATOR, RECOVERY_OPERATOR, APPROVER, ADMIN);

    /** The resource server's identifier: its scopes are {@code drs/<group>}. */
    public static final String RESOURCE_SERVER = "drs";
    /** {@code drs/viewer} … {@code drs/admin}. */
    public static final List<String> SCOPES =
            GROUPS.stream().map(g -> RESOURCE_SERVER + "/" + g).toList();

    /**
     * The console's public client: no secret, authorization code with PKCE, refresh tokens, any
     * {@code http://localhost:<port>/…} or {@code http://127.0.0.1:<port>/…} callback; also USER_PASSWORD_AUTH for
     * scripts.
     */
    public static final String CONSOLE_CLIENT_ID = "drs-console";
    /** The automation's confidential client: client credentials with every {@code drs/*} scope. */
    public static final String AUTOMATION_CLIENT_ID = "drs-automation";

    public static final String AUTOMATION_CLIENT_SECRET = "drs-automation-secret";
    /** Both clients, as a verifier's list of accepted client ids. */
    public static final List<String> CLIENT_IDS = List.of(CONSOLE_CLIENT_ID, AUTOMATION_CLIENT_ID);

    private DefaultUserPool() {}

    /** {@code <region>_devstack}. */
    public static String id(String region) {
        return region + "_" + ID_SUFFIX;
    }

    /** Fills an empty pool with the default groups, resource server and clients. */
    static void configure(UserPool pool) {
        Instant now = pool.now();
        for (String g : GROUPS) {
            pool.addGroup(new UserPool.Group(g, "DRS Orchestrator role " + g, null, now));
        }
        Map<String, String> scopes = new LinkedHashMap<>();
        GROUPS.forEach(g -> scopes.put(g, "DRS Orchestrator role " + g));
        pool.addResourceServer(new UserPool.ResourceServer(RESOURCE_SERVER, "DRS Orchestrator", scopes));
        pool.addClient(new AppClient(
                CONSOLE_CLIENT_ID,
                CONSOLE_CLIENT_ID,
                null,
                Set.of("code"),
                List.of("openid", "email", "profile", "aws.cognito.signin.user.admin"),
                List.of(),
                true,
                Set.of("ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"),
                now));
        pool.addClient(new AppClient(
                AUTOMATION_CLIENT_ID,
                AUTOMATION_CLIENT_ID,
                AUTOMATION_CLIENT_SECRET,
                Set.of("client_credentials"),
                SCOPES,
                List.of(),
                false,
                Set.of("ALLOW_REFRESH_TOKEN_AUTH"),
                now));
    }
}
