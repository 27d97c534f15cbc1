package dev.drsorchestrator.contracts.testing;

import dev.drsorchestrator.contracts.EventType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Loads the sample events shipped in contracts, for consumers' tests: {@code Samples.json(EXECUTION_REQUESTED)}. */
public final class Samples {

    private Samples() {}

    /** The sample of a project event: a whole EventBridge event, as an SQS target receives it. */
    public static String json(EventType type) {
        return resource(type.sampleResource());
    }

    /** Any classpath resource as text, such as an AWS sample under {@code /drs-orchestrator/aws-samples/}. */
    public static String resource(String path) {
        try (InputStream in = Samples.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource on the classpath at " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
