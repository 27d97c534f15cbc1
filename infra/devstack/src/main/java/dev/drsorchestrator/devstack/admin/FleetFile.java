package dev.drsorchestrator.devstack.admin;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.drsorchestrator.devstack.drs.DrsSettings;
import dev.drsorchestrator.devstack.drs.DrsSimulator;
import dev.drsorchestrator.devstack.http.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A DRS seed document (JSON or YAML): servers listed one by one, fleets to generate, and optionally the timings,
 * quotas and faults to start with.
 *
 * <pre>
 * servers:
 *   - hostname: db-01
 *     account: "111111111111"
 *     tags: {Tier: db}
 *     replicationState: CONTINUOUS
 *   - hostname: web-01                  # an EC2 instance replicated to this Region from us-west-2
 *     origin: {type: EC2, region: us-west-2, accountId: "111111111111"}
 * generate:
 *   - count: 60
 *     accounts: ["111111111111", "222222222222"]
 *     tiers: [web, app, db]
 *     notReadyFraction: 0.05
 * </pre>
 */
public record FleetFile(
        @Nullable List<DrsSimulator.ServerSpec> servers,
        @Nullable List<DrsSimulator.FleetSpec> generate,
        DrsSettings.@Nullable Timings timings,
        DrsSettings.@Nullable Quotas quotas,
        DrsSettings.@Nullable Faults faults) {

    private static final ObjectMapper YAML =
            new ObjectMapper(new YAMLFactory()).disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public static FleetFile load(Path file) {
        String name = file.getFileName().toString().toLowerCase();
        ObjectMapper mapper = name.endsWith(".yaml") || name.endsWith(".yml") ? YAML : Json.MAPPER;
        try {
            return mapper.readValue(Files.readAllBytes(file), FleetFile.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the DRS fleet file " + file + ": " + e.getMessage(), e);
        }
    }

    public void applyTo(DrsSimulator drs) {
        if (timings != null) {
            drs.timings(timings);
        }
        if (quotas != null) {
            drs.quotas(quotas);
        }
        if (faults != null) {
            drs.faults(faults);
        }
        if (servers != null) {
            drs.addServers(servers);
        }
        if (generate != null) {
            generate.forEach(drs::generateFleet);
        }
    }
}
