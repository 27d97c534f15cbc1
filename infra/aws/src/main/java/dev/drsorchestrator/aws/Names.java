package dev.drsorchestrator.aws;

import java.util.Locale;

/** Construct ids from names: {@code drs-adapter-events} becomes {@code DrsAdapterEvents}. */
final class Names {

    private Names() {}

    static String id(String name) {
        StringBuilder id = new StringBuilder();
        for (String part : name.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                id.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
            }
        }
        return id.toString();
    }
}
