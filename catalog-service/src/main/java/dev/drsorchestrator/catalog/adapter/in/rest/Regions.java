package dev.drsorchestrator.catalog.adapter.in.rest;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import software.amazon.awssdk.regions.Region;

/** The AWS region names the SDK knows (partition regions, not the global pseudo-regions). */
final class Regions {

    private static final Set<String> KNOWN = Region.regions().stream()
            .filter(r -> !r.isGlobalRegion())
            .map(Region::id)
            .collect(Collectors.toCollection(TreeSet::new));

    private Regions() {}

    static boolean known(String region) {
        return KNOWN.contains(region);
    }

    static String unknownReason(String region) {
        String hint = KNOWN.stream()
                .filter(r -> r.startsWith(region.length() > 2 ? region.substring(0, 3) : region))
                .limit(8)
                .collect(Collectors.joining(", "));
        return "'" + region + "' is not an AWS region" + (hint.isEmpty() ? "" : "; did you mean one of " + hint + "?");
    }
}
