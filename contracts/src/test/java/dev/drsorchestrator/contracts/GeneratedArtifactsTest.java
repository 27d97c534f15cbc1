package dev.drsorchestrator.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import dev.drsorchestrator.contracts.testing.EventCatalogue;
import dev.drsorchestrator.contracts.testing.SampleEvents;
import dev.drsorchestrator.contracts.testing.SchemaGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The schemas, samples and {@code docs/events.md} are committed files derived from the records. These tests fail
 * when a record changed and the files did not; {@code -Dcontracts.regenerate=true} rewrites them instead.
 */
class GeneratedArtifactsTest {

    private static final boolean REGENERATE = Boolean.getBoolean("contracts.regenerate");
    private static final Path RESOURCES = Path.of("src/main/resources");
    private static final Path CATALOGUE = Path.of("../docs/events.md");

    @ParameterizedTest
    @EnumSource(EventType.class)
    void committedSchemaIsTheOneItsRecordDefines(EventType type) throws IOException {
        compareOrWrite(resource(type.schemaResource()), pretty(SchemaGenerator.eventSchema(type)));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void committedSampleIsTheSampleFixture(EventType type) throws IOException {
        compareOrWrite(resource(type.sampleResource()), pretty(SampleEvents.event(type)));
    }

    @Test
    void eventCatalogueInDocsMatchesTheContracts() throws IOException {
        compareOrWrite(CATALOGUE, EventCatalogue.markdown());
    }

    static String pretty(Object value) throws JsonProcessingException {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        return EventCodec.mapper().writer(printer).writeValueAsString(value) + "\n";
    }

    private static Path resource(String classpathResource) {
        return RESOURCES.resolve(classpathResource.substring(1));
    }

    private static void compareOrWrite(Path file, String expected) throws IOException {
        if (REGENERATE) {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, expected, StandardCharsets.UTF_8);
            return;
        }
        assertThat(file)
                .as("%s is missing; run ./mvnw -pl contracts test -Dcontracts.regenerate=true and commit it", file)
                .exists();
        assertThat(Files.readString(file, StandardCharsets.UTF_8))
                .as(
                        "%s is out of date with the records; run ./mvnw -pl contracts test -Dcontracts.regenerate=true "
                                + "and commit the result",
                        file)
                .isEqualTo(expected);
    }
}
