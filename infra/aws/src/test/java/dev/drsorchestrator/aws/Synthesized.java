package dev.drsorchestrator.aws;

import dev.drsorchestrator.aws.DrsOrchestratorApp.Stacks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;

/**
 * One synthesized deployment shared by the tests (synthesis runs the CDK's JavaScript in a node process, which
 * takes seconds): two member accounts, an alarm e-mail, tracing on, images built from the services as assets.
 */
final class Synthesized {

    static final String ACCOUNT = "123456789012";
    static final String REGION = "eu-west-1";
    static final String PREFIX = "drs-orchestrator";

    private static Synthesized instance;

    final Settings settings;
    final Stacks stacks;
    private final Map<Stack, Template> templates = new HashMap<>();

    private Synthesized(Map<String, Object> context) {
        Path outdir;
        try {
            outdir = Files.createDirectories(Path.of("target", "cdk.out"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        App app = DrsOrchestratorApp.app(outdir, context);
        settings = Settings.from(key -> app.getNode().tryGetContext(key));
        Path root = DrsOrchestratorApp.repositoryRoot(Path.of("").toAbsolutePath());
        stacks = DrsOrchestratorApp.build(
                app,
                settings,
                root,
                Environment.builder().account(ACCOUNT).region(REGION).build());
        app.synth();
    }

    static synchronized Synthesized deployment() {
        if (instance == null) {
            instance = new Synthesized(context());
        }
        return instance;
    }

    static Map<String, Object> context() {
        Map<String, Object> context = new HashMap<>();
        // Fingerprint the images' build contexts where they are instead of copying them into the output (what
        // `cdk synth --no-staging` does): hundreds of megabytes of jars the tests do not need copied.
        context.put("aws:cdk:disable-asset-staging", true);
        context.put("domainName", "dr.example.com");
        context.put(
                "certificateArn",
                "arn:aws:acm:eu-west-1:123456789012:certificate/0b1c2d3e-aaaa-bbbb-cccc-000000000000");
        context.put("cognitoDomainPrefix", "example-dr");
        context.put("memberAccounts", "111111111111,222222222222");
        context.put("externalId", "drs-orchestrator-example");
        context.put("alarmEmail", "dr-team@example.com");
        context.put("tracing", true);
        return context;
    }

    synchronized Template template(Stack stack) {
        return templates.computeIfAbsent(stack, Template::fromStack);
    }
}
