package dev.drsorchestrator.catalog.adapter.out.dynamodb;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drsorchestrator.catalog.domain.GroupLaunchSettings;
import dev.drsorchestrator.contracts.ids.SourceServerId;
import dev.drsorchestrator.contracts.model.LaunchSettings;
import dev.drsorchestrator.contracts.model.SecurityGroupInfo;
import dev.drsorchestrator.contracts.model.ServerLaunchSettings;
import dev.drsorchestrator.contracts.model.SubnetInfo;
import dev.drsorchestrator.kit.dynamo.StateJson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Launch settings and network inventories as JSON string attributes (the contracts' records, as events carry them). */
final class LaunchJson {

    private static final ObjectMapper JSON = StateJson.mapper();

    private LaunchJson() {}

    /** A group's settings as stored: its own and each server's override. */
    record StoredLaunch(LaunchSettings group, List<ServerLaunchSettings> servers) {}

    /** A network inventory's contents as stored. */
    record StoredNetwork(
            List<SubnetInfo> subnets, List<SecurityGroupInfo> securityGroups, List<String> instanceTypes) {}

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot store " + value.getClass().getSimpleName(), e);
        }
    }

    static <T> T read(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored " + type.getSimpleName() + " does not read: " + e.getMessage(), e);
        }
    }

    static String group(GroupLaunchSettings settings) {
        return write(new StoredLaunch(settings.group(), settings.serverList()));
    }

    static GroupLaunchSettings group(@Nullable String json) {
        if (json == null) {
            return GroupLaunchSettings.NONE;
        }
        StoredLaunch stored = read(json, StoredLaunch.class);
        Map<SourceServerId, LaunchSettings> servers = new LinkedHashMap<>();
        if (stored.servers() != null) {
            stored.servers().forEach(s -> servers.put(s.sourceServerId(), s.settings()));
        }
        return new GroupLaunchSettings(stored.group(), servers);
    }

    static @Nullable LaunchSettings settings(@Nullable String json) {
        return json == null ? null : read(json, LaunchSettings.class);
    }
}
