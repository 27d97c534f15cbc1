package dev.drsorchestrator.contracts.model;

import org.jspecify.annotations.Nullable;

/** Dotted-quad IPv4 addresses and CIDR blocks, for launch-setting checks. */
public final class Ipv4 {
    private Ipv4() {}

    /** The address as an unsigned 32-bit value, or -1 when {@code text} is not a dotted-quad IPv4 address. */
    public static long parse(@Nullable String text) {
        if (text == null) {
            return -1;
        }
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return -1;
        }
        long value = 0;
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) {
                return -1;
            }
            int octet = Integer.parseInt(p);
            if (octet > 255) {
                return -1;
            }
            value = (value << 8) | octet;
        }
        return value;
    }

    /** {network, mask} of a block such as {@code 10.0.1.0/24}, or null when it is not one. */
    public static long @Nullable [] cidr(String block) {
        int slash = block.indexOf('/');
        if (slash < 0) {
            return null;
        }
        long net = parse(block.substring(0, slash));
        String bits = block.substring(slash + 1);
        if (net < 0 || bits.isEmpty() || bits.length() > 2 || !bits.chars().allMatch(Character::isDigit)) {
            return null;
        }
        int n = Integer.parseInt(bits);
        if (n > 32) {
            return null;
        }
        long mask = n == 0 ? 0 : (0xFFFFFFFFL << (32 - n)) & 0xFFFFFFFFL;
        return new long[] {net, mask};
    }
}
