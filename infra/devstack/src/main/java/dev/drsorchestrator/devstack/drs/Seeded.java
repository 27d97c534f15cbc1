package dev.drsorchestrator.devstack.drs;

/**
 * Repeatable randomness: a value drawn from the seed and a key (a job and server, a call number), independent of the
 * order in which threads ask. Two runs with the same seed and the same calls make the same choices and ids.
 */
final class Seeded {
    private final long seed;

    Seeded(long seed) {
        this.seed = seed;
    }

    long seed() {
        return seed;
    }

    /** A long from the seed and the key parts. */
    long bits(Object... key) {
        long h = seed ^ 0x9E3779B97F4A7C15L;
        for (Object part : key) {
            h = mix(h * 31 + String.valueOf(part).hashCode());
        }
        return mix(h);
    }

    /** A double in [0, 1). */
    double unit(Object... key) {
        return (bits(key) >>> 11) * 0x1.0p-53;
    }

    /** {@code n} lowercase hex digits, as DRS ids have after their prefix. */
    String hex(int n, Object... key) {
        StringBuilder b = new StringBuilder(n);
        long bits = bits(key);
        int round = 0;
        while (b.length() < n) {
            if (round > 0 && round % 16 == 0) {
                bits = mix(bits + round);
            }
            b.append(Character.forDigit((int) ((bits >>> ((round % 16) * 4)) & 0xF), 16));
            round++;
        }
        return b.toString();
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}
