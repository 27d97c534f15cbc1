package dev.drsorchestrator.local;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import org.jspecify.annotations.Nullable;

/**
 * {@code infra/local/run}: the whole system on this machine. Starts devstack and the five services, runs the demo
 * drill (unless {@code --no-demo}), prints where everything is and keeps running until Ctrl-C, which stops every
 * child process it started.
 */
public final class Main {

    static final String USAGE = """
            usage: infra/local/run [options]
              --no-demo              start everything, seed nothing, run no drill
              --fleet N              servers in the demo fleet (default 60; 6 to 10000)
              --launch-ms MIN-MAX    how long the DRS simulator takes to launch one server (default 1000-4000)
              --job-start-ms MS      how long a DRS job stays PENDING before it starts (default 500)
              --seed N               devstack's seed: ids and launch times repeat with the same seed (default 42)
              --logs DIR             the folder for every component's log (default infra/local/target/logs)
              --build                rebuild before starting even when nothing changed (the run script)
              -h, --help             this help
            """;

    /** The parsed command line. */
    record Args(
            boolean demo,
            int fleet,
            long launchMinMillis,
            long launchMaxMillis,
            long jobStartMillis,
            long seed,
            @Nullable Path logs) {

        static Args parse(String[] argv) {
            boolean demo = true;
            int fleet = 60;
            long launchMin = 1000;
            long launchMax = 4000;
            long jobStart = 500;
            long seed = 42;
            Path logs = null;
            for (int i = 0; i < argv.length; i++) {
                String flag = argv[i];
                switch (flag) {
                    case "--no-demo" -> demo = false;
                    case "--build" -> {
                        // handled by infra/local/run
                    }
                    case "--fleet" -> {
                        // At least one server per tier and account: every demo group has a member.
                        fleet = number(flag, value(argv, ++i, flag), 6, 10_000);
                    }
                    case "--launch-ms" -> {
                        String v = value(argv, ++i, flag);
                        String[] range = v.split("-", 2);
                        if (range.length != 2) {
                            throw new IllegalArgumentException(
                                    "--launch-ms: MIN-MAX in milliseconds, e.g. 1000-4000;" + " got '" + v + "'");
                        }
                        launchMin = number(flag, range[0], 0, 600_000);
                        launchMax = number(flag, range[1], 0, 600_000);
                        if (launchMax < launchMin) {
                            throw new IllegalArgumentException(
                                    "--launch-ms: MAX (" + launchMax + ") is below MIN (" + launchMin + ")");
                        }
                    }
                    case "--job-start-ms" -> jobStart = number(flag, value(argv, ++i, flag), 0, 600_000);
                    case "--seed" -> seed = number(flag, value(argv, ++i, flag), 0, Integer.MAX_VALUE);
                    case "--logs" -> logs = Path.of(value(argv, ++i, flag));
                    default -> throw new IllegalArgumentException("unknown option '" + flag + "'");
                }
            }
            return new Args(demo, fleet, launchMin, launchMax, jobStart, seed, logs);
        }

        private static String value(String[] argv, int i, String flag) {
            if (i >= argv.length) {
                throw new IllegalArgumentException(flag + ": a value is required");
            }
            return argv[i];
        }

        private static int number(String flag, String v, int min, int max) {
            try {
                int n = Integer.parseInt(v.trim());
                if (n < min || n > max) {
                    throw new IllegalArgumentException(flag + ": between " + min + " and " + max + ", got " + n);
                }
                return n;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(flag + ": a whole number, got '" + v + "'");
            }
        }
    }

    private Main() {}

    public static void main(String[] argv) {
        PrintStream out = System.out;
        if (argv.length > 0 && (argv[0].equals("-h") || argv[0].equals("--help"))) {
            out.print(USAGE);
            return;
        }
        Args args;
        try {
            args = Args.parse(argv);
        } catch (IllegalArgumentException e) {
            System.err.println("infra/local/run: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        System.exit(run(args, out));
    }

    static int run(Args args, PrintStream out) {
        Instant started = Instant.now();
        Path root = root();
        LocalSystem.Options options =
                new LocalSystem.Options(root).seed(args.seed()).out(out).console();
        if (args.logs() != null) {
            options.logs(args.logs());
        }
        out.println(
                "DRS Orchestrator on this machine: devstack (a local AWS with a DRS simulator), five services and the"
                        + " console."
                        + " Logs: " + options.logs().toString());
        LocalSystem system;
        try {
            system = LocalSystem.start(options);
        } catch (RuntimeException e) {
            System.err.println("infra/local/run: " + e.getMessage());
            return 1;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("stopping every process this run started...");
            system.close();
            out.println("stopped.");
        }));
        out.printf(
                "all seven processes ready in %.1f s%n",
                Duration.between(started, Instant.now()).toMillis() / 1000.0);
        DevstackAdmin devstack = new DevstackAdmin(new Rest(), system.url(Component.DEVSTACK));
        devstack.timings(args.jobStartMillis(), 100, args.launchMinMillis(), args.launchMaxMillis());
        Users users;
        try {
            users = Users.create(system.url(Component.DEVSTACK));
        } catch (RuntimeException e) {
            System.err.println(
                    "infra/local/run: could not create the local users in devstack's user pool: " + e.getMessage());
            system.close();
            return 1;
        }
        out.println();
        out.printf(
                "The console: %s  (sign in as drill-operator, password %s; every user is listed at the end)%n",
                system.url(Component.CONSOLE), users.password("drill-operator"));
        out.println();
        Demo.Result demo = null;
        if (args.demo()) {
            try {
                demo = new Demo(system, users, out, started).run(args.fleet());
            } catch (RuntimeException e) {
                System.err.println("the demo stopped: " + e.getMessage());
                System.err.println("everything is still running; the logs are in " + system.logs());
            }
        }
        printWhere(system, users, demo, out);
        try {
            Component ended = system.anyExit().get();
            if (ended != null) {
                System.err.println(ended + " exited with code " + system.exitCode(ended) + ". The end of "
                        + system.log(ended) + ":\n" + system.tail(ended, 25) + "\nstopping the rest.");
                return 1;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            System.err.println("lost track of the processes: " + e.getCause());
            return 1;
        }
        return 0;
    }

    static void printWhere(LocalSystem system, Users users, Demo.@Nullable Result demo, PrintStream out) {
        out.println();
        out.println("Everything is running. Ctrl-C stops it all.");
        out.printf("  %-18s %s   (sign in with a user below)%n", "console", system.url(Component.CONSOLE));
        for (Component c : Component.values()) {
            if (c.isService()) {
                out.printf("  %-18s %s/q/swagger-ui   (health %s/q/health)%n", c, system.url(c), system.url(c));
            }
        }
        String devstack = system.url(Component.DEVSTACK);
        out.printf("  %-18s %s   (every AWS API; admin %s/_devstack/health)%n", "devstack", devstack, devstack);
        out.printf(
                "  %-18s %s/_devstack/drs/servers, /_devstack/drs/jobs, /_devstack/drs/calls,%n",
                "DRS simulator", devstack);
        out.printf("  %-18s /_devstack/drs/timings, /_devstack/drs/faults (docs/devstack.md)%n", "");
        out.printf("  %-18s %s%n", "logs", system.logs());
        out.println();
        out.println(
                "Users (devstack's user pool " + Users.POOL + "; each may do what its role allows, docs/security.md):");
        users.passwords().forEach((user, password) -> out.printf("  %-18s password %s%n", user, password));
        out.println();
        out.println("A token (one command; valid for an hour), then every call sends it:");
        out.printf(
                "  TOKEN=$(curl -s -X POST %s/ -H 'Content-Type: application/x-amz-json-1.1'"
                        + " -H 'X-Amz-Target: AWSCognitoIdentityProviderService.InitiateAuth' -d"
                        + " '{\"AuthFlow\":\"USER_PASSWORD_AUTH\",\"ClientId\":\"%s\",\"AuthParameters\":"
                        + "{\"USERNAME\":\"drill-operator\",\"PASSWORD\":\"%s\"}}'"
                        + " | python3 -c 'import json,sys; print(json.load(sys.stdin)[\"AuthenticationResult\"]"
                        + "[\"AccessToken\"])')%n",
                devstack, Users.CLIENT, users.password("drill-operator"));
        String auth = "-H \"Authorization: Bearer $TOKEN\"";
        if (demo != null) {
            String exec = system.url(Component.EXECUTION);
            out.println();
            out.println("The demo drill:");
            out.printf("  curl %s %s/executions/%s%n", auth, exec, demo.executionId());
            out.printf("  curl %s %s/executions/%s/report%n", auth, exec, demo.executionId());
            out.printf("  curl %s %s/recovery-plans/%s/preflight%n", auth, system.url(Component.PLAN), demo.planId());
            out.printf(
                    "  curl -X POST %s -H 'Content-Type: application/json' -d '{\"type\":\"DRILL\"}'"
                            + " %s/recovery-plans/%s/executions%n",
                    auth, system.url(Component.PLAN), demo.planId());
        }
    }

    /** The repository: {@code drs.root}, else the working directory or a parent of it with the root pom. */
    static Path root() {
        String configured = System.getProperty("drs.root");
        Path start = Path.of(configured != null ? configured : "").toAbsolutePath();
        for (Path p = start; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("infra/local/pom.xml"))) {
                return p;
            }
        }
        throw new IllegalStateException(
                "run this from the DRS Orchestrator repository (no infra/local/pom.xml in " + start + " or above)");
    }
}
