package dev.drsorchestrator.catalog.domain;

import dev.drsorchestrator.contracts.ids.SourceServerId;
import dev.drsorchestrator.contracts.model.LaunchSettings;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Launch settings as a user sent them, before they are checked against the group, its account and Region's network
 * and the other groups: the group's settings, each server entry with its index in the request, and the problems
 * already found reading the request (an unknown enum value, a malformed id), so that every problem is reported at
 * once.
 */
public record LaunchSettingsDraft(LaunchSettings group, List<Entry> servers, List<LaunchProblem> problems) {

    public LaunchSettingsDraft {
        group = group == null ? LaunchSettings.UNMANAGED : group;
        servers = List.copyOf(servers);
        problems = List.copyOf(problems);
    }

    /** {@code sourceServerId} is null when the request's id was missing or malformed (a problem says so). */
    public record Entry(int index, @Nullable SourceServerId sourceServerId, LaunchSettings settings) {

        public Entry {
            settings = settings == null ? LaunchSettings.UNMANAGED : settings;
        }

        public String path() {
            return "servers[" + index + "]";
        }
    }
}
