package dev.drsorchestrator.devstack.dynamodb;

import dev.drsorchestrator.devstack.dynamodb.store.Database;
import dev.drsorchestrator.devstack.dynamodb.store.Table;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Time to live: every interval, deletes the items of TTL-enabled tables whose TTL attribute is a number of epoch
 * seconds now past. As in AWS, a TTL attribute that is not a number, or more than five years in the past, is ignored.
 * AWS deletes within days; devstack within the interval, so tests can see it happen.
 */
final class TtlSweeper implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(TtlSweeper.class.getName());
    private static final long FIVE_YEARS_SECONDS = Duration.ofDays(5 * 365).toSeconds();

    private final Database db;
    private final Clock clock;
    private final ScheduledExecutorService executor;

    TtlSweeper(Database db, Clock clock, Duration interval) {
        this.db = db;
        this.clock = clock;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "devstack-dynamodb-ttl");
            t.setDaemon(true);
            return t;
        });
        long ms = interval.toMillis();
        executor.scheduleWithFixedDelay(this::sweepQuietly, ms, ms, TimeUnit.MILLISECONDS);
    }

    private void sweepQuietly() {
        try {
            sweep();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "TTL sweep failed; the next one retries", e);
        }
    }

    /** Deletes what has expired now; returns how many items went. */
    int sweep() {
        long now = clock.instant().getEpochSecond();
        Map<String, List<Map<String, Value>>> expired = db.read(d -> {
            Map<String, List<Map<String, Value>>> found = new LinkedHashMap<>();
            for (Table t : d.tables().values()) {
                String attribute = t.ttlAttribute();
                if (attribute == null) {
                    continue;
                }
                for (Map<String, Value> item : t.items()) {
                    if (isExpired(item.get(attribute), now)) {
                        found.computeIfAbsent(t.def().name(), k -> new ArrayList<>())
                                .add(t.keyOf(item, null));
                    }
                }
            }
            return found;
        });
        if (expired.isEmpty()) {
            return 0;
        }
        return db.write(changes -> {
            int n = 0;
            for (Map.Entry<String, List<Map<String, Value>>> e : expired.entrySet()) {
                Table t = changes.table(e.getKey());
                if (t == null || t.ttlAttribute() == null) {
                    continue;
                }
                for (Map<String, Value> key : e.getValue()) {
                    Map<String, Value> item = t.get(key);
                    if (item != null && isExpired(item.get(t.ttlAttribute()), now)) {
                        changes.delete(t, key);
                        n++;
                    }
                }
            }
            return n;
        });
    }

    private static boolean isExpired(Value ttl, long now) {
        if (!(ttl instanceof Value.N n)) {
            return false;
        }
        BigDecimal at = n.value();
        return at.compareTo(BigDecimal.valueOf(now)) <= 0
                && at.compareTo(BigDecimal.valueOf(now - FIVE_YEARS_SECONDS)) >= 0;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
