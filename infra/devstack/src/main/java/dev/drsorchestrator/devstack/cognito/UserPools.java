package dev.drsorchestrator.devstack.cognito;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/** Devstack's Cognito user pools: the {@link DefaultUserPool default one} and whatever CreateUserPool adds. */
public final class UserPools {
    private static final String ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final String account;
    private final String region;
    private final URI edge;
    private final Clock clock;
    private final Map<String, UserPool> pools = new ConcurrentHashMap<>();
    private final UserPool defaultPool;

    public UserPools(String account, String region, URI edge, Clock clock) {
        this.account = account;
        this.region = region;
        this.edge = edge;
        this.clock = clock;
        this.defaultPool = new UserPool(DefaultUserPool.id(region), DefaultUserPool.NAME, account, region, edge, clock);
        DefaultUserPool.configure(defaultPool);
        pools.put(defaultPool.id(), defaultPool);
    }

    /** {@code <region>_devstack}: see {@link DefaultUserPool}. */
    public UserPool defaultPool() {
        return defaultPool;
    }

    /** The pool with this id; {@link IllegalArgumentException} when there is none. */
    public UserPool get(String poolId) {
        UserPool pool = pools.get(poolId);
        if (pool == null) {
            throw new IllegalArgumentException("no user pool " + poolId + "; pools: " + pools.keySet());
        }
        return pool;
    }

    public @Nullable UserPool find(String poolId) {
        return pools.get(poolId);
    }

    /** A new, empty pool with a Cognito-like id ({@code <region>_<9 letters and digits>}). */
    public UserPool create(String name) {
        UserPool pool =
                new UserPool(region + "_" + Secrets.randomAlnum(9, ID_ALPHABET), name, account, region, edge, clock);
        pools.put(pool.id(), pool);
        return pool;
    }

    public boolean delete(String poolId) {
        if (poolId.equals(defaultPool.id())) {
            throw new IllegalArgumentException("the default user pool " + poolId + " cannot be deleted");
        }
        return pools.remove(poolId) != null;
    }

    /** Every pool, sorted by id. */
    public List<UserPool> all() {
        List<UserPool> out = new ArrayList<>(pools.values());
        out.sort((a, b) -> a.id().compareTo(b.id()));
        return out;
    }

    /** The pool and client for a client id (InitiateAuth names only the client), or null. */
    @Nullable
    UserPool poolOfClient(String clientId) {
        for (UserPool pool : pools.values()) {
            if (pool.client(clientId) != null) {
                return pool;
            }
        }
        return null;
    }

    /**
     * Only the default pool, back to its defaults (no users); its signing keys stay, so verifiers that cached its
     * JWKS keep working.
     */
    public void reset() {
        pools.keySet().removeIf(id -> !id.equals(defaultPool.id()));
        defaultPool.clear();
        DefaultUserPool.configure(defaultPool);
    }
}
