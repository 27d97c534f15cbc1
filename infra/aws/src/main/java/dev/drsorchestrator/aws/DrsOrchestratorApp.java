package dev.drsorchestrator.aws;

import dev.drsorchestrator.aws.MemberAccountStack.RecoveryAccount;
import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.NagPackProps;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Tags;

/**
 * The CDK app: {@code cdk.json} runs it. Recovery account stacks (core, identity, services, observability) go to the
 * account and Region of the CLI's credentials; the member stack is a template for StackSets.
 */
public final class DrsOrchestratorApp {

    /** The stacks of one deployment; no member stack when no {@code externalId} is set. */
    public record Stacks(
            CoreStack core,
            IdentityStack identity,
            ServicesStack services,
            ObservabilityStack observability,
            @org.jspecify.annotations.Nullable MemberAccountStack member) {

        public List<Stack> all() {
            List<Stack> all = new java.util.ArrayList<>(List.of(core, identity, services, observability));
            if (member != null) {
                all.add(member);
            }
            return all;
        }
    }

    private DrsOrchestratorApp() {}

    public static void main(String[] args) {
        App app = new App();
        Path root = repositoryRoot(Path.of("").toAbsolutePath());
        Settings settings;
        try {
            settings = Settings.from(key -> app.getNode().tryGetContext(key));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        if (settings.imageTag() == null) {
            requireBuilt(root);
        }
        String account = System.getenv("CDK_DEFAULT_ACCOUNT");
        String region = System.getenv("CDK_DEFAULT_REGION");
        if (account == null || region == null) {
            System.err.println("no AWS account or Region: run through the CDK CLI with credentials for the recovery "
                    + "account (docs/deploy.md), which sets CDK_DEFAULT_ACCOUNT and CDK_DEFAULT_REGION");
            System.exit(2);
            return;
        }
        build(
                app,
                settings,
                root,
                Environment.builder().account(account).region(region).build());
        app.synth();
    }

    /** Every stack of one deployment in {@code app}, with cdk-nag's AWS Solutions checks on all of them. */
    public static Stacks build(App app, Settings settings, Path repositoryRoot, Environment environment) {
        StackProps props = StackProps.builder().env(environment).build();
        String prefix = Names.id(settings.prefix());
        CoreStack core = new CoreStack(app, prefix + "Core", props, settings);
        IdentityStack identity = new IdentityStack(app, prefix + "Identity", props, settings);
        ServicesStack services =
                new ServicesStack(app, prefix + "Services", props, settings, repositoryRoot, core, identity);
        ObservabilityStack observability =
                new ObservabilityStack(app, prefix + "Observability", props, settings, core, services);
        // The member accounts' template needs the ExternalId their role will require; none given, no template.
        MemberAccountStack member = settings.externalId() == null
                ? null
                : new MemberAccountStack(
                        app,
                        prefix + "Member",
                        settings,
                        settings.externalId(),
                        new RecoveryAccount(environment.getAccount(), environment.getRegion(), settings.deployment()));
        Stacks stacks = new Stacks(core, identity, services, observability, member);
        for (Stack stack : stacks.all()) {
            Tags.of(stack).add("application", "drs-orchestrator");
            Tags.of(stack).add("deployment", settings.prefix());
            NagSuppressionsList.apply(stack);
        }
        Aspects.of(app)
                .add(new AwsSolutionsChecks(NagPackProps.builder().verbose(true).build()));
        return stacks;
    }

    /** A new app whose output goes to {@code outdir}. */
    public static App app(Path outdir, java.util.Map<String, Object> context) {
        return new App(
                AppProps.builder().outdir(outdir.toString()).context(context).build());
    }

    /** The checkout's root: the nearest directory up from {@code from} that holds {@code mvnw}. */
    static Path repositoryRoot(Path from) {
        for (Path dir = from; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("contracts"))) {
                return dir;
            }
        }
        throw new IllegalStateException(
                "run the CDK app from inside the repository (infra/aws): no mvnw above " + from);
    }

    private static void requireBuilt(Path root) {
        List<String> needed = new java.util.ArrayList<>();
        for (dev.drsorchestrator.contracts.routing.Service s : dev.drsorchestrator.contracts.routing.Service.values()) {
            needed.add(s.serviceName() + "/target/quarkus-app/quarkus-run.jar");
        }
        needed.add(ConsoleHosting.NAME + "/target/quarkus-app/quarkus-run.jar");
        // The console's jar holds the app only when the build ran npm (not with -DskipNpm).
        needed.add(ConsoleHosting.NAME + "/target/classes/META-INF/resources/index.html");
        List<String> missing = needed.stream()
                .filter(file -> !Files.isRegularFile(root.resolve(file)))
                .toList();
        if (!missing.isEmpty()) {
            System.err.println(
                    "the images are built from each service's (and the console's) Quarkus build, and these are "
                            + "missing: " + String.join(", ", missing) + ". Run `./mvnw -B package -DskipTests` at the "
                            + "repository's root first (or deploy prebuilt images with -c imageTag=…).");
            System.exit(2);
        }
    }
}
