package dev.drsorchestrator.devstack;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs a devstack until interrupted: {@code java -jar infra/devstack/target/devstack-runner.jar [--port 4566]
 * [--account 000000000000] [--region us-east-1] [--seed 42] [--data-dir DIR] [--fleet FILE.yaml]}.
 */
public final class DevstackMain {
    private DevstackMain() {}

    public static void main(String[] args) throws InterruptedException {
        quietLibraries();
        DevstackConfig config = DevstackConfig.standard();
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("--help") || flag.equals("-h")) {
                System.out.println("usage: devstack [--port 4566] [--account 000000000000] [--region us-east-1]"
                        + " [--seed 42] [--data-dir DIR] [--fleet FILE.json|FILE.yaml]");
                return;
            }
            if (i + 1 >= args.length) {
                fail(flag + " needs a value");
            }
            String value = args[++i];
            try {
                config = switch (flag) {
                    case "--port" -> config.withPort(Integer.parseInt(value));
                    case "--account" -> config.withAccountAndRegion(value, config.region());
                    case "--region" -> config.withAccountAndRegion(config.account(), value);
                    case "--seed" -> config.withSeed(Long.parseLong(value));
                    case "--data-dir" -> config.withDataDir(Path.of(value));
                    case "--fleet" -> config.withFleetFile(Path.of(value));
                    default -> {
                        fail("unknown option " + flag + " (try --help)");
                        yield config;
                    }
                };
            } catch (IllegalArgumentException e) {
                fail(flag + ": " + e.getMessage());
            }
        }
        Devstack devstack = Devstack.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            devstack.close();
                            stopped.countDown();
                        },
                        "devstack-shutdown"));
        System.out.printf(
                "devstack ready on %s in %d ms (account %s, region %s, seed %d); admin API at %s/_devstack/health%n",
                devstack.endpoint(),
                devstack.startupTime().toMillis(),
                config.account(),
                config.region(),
                config.seed(),
                devstack.endpoint());
        stopped.await();
    }

    private static void fail(String message) {
        System.err.println("devstack: " + message);
        System.exit(2);
    }

    /** Pekko and ElasticMQ are chatty at INFO; the runnable shows warnings and up. */
    private static void quietLibraries() {
        for (String name : new String[] {"org.apache.pekko", "org.elasticmq", ""}) {
            Logger.getLogger(name).setLevel(name.isEmpty() ? Level.INFO : Level.WARNING);
        }
    }
}
