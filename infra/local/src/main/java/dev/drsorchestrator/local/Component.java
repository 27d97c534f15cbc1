package dev.drsorchestrator.local;

import java.nio.file.Path;

/**
 * What the local system is made of: devstack, the five services and the console, each a packaged jar run as a child
 * process.
 */
public enum Component {
    DEVSTACK("devstack", "infra/devstack", 4566, "target/devstack-runner.jar", "/_devstack/health"),
    CATALOG("catalog-service", "catalog-service", 8081, "target/quarkus-app/quarkus-run.jar", "/q/health/ready"),
    PLAN("plan-service", "plan-service", 8082, "target/quarkus-app/quarkus-run.jar", "/q/health/ready"),
    EXECUTION("execution-service", "execution-service", 8083, "target/quarkus-app/quarkus-run.jar", "/q/health/ready"),
    DRS_ADAPTER("drs-adapter", "drs-adapter", 8084, "target/quarkus-app/quarkus-run.jar", "/q/health/ready"),
    NOTIFIER("notifier", "notifier", 8085, "target/quarkus-app/quarkus-run.jar", "/q/health/ready"),
    /** The operator console: the web app, and one origin for the five APIs ({@code /api/<service>/…}). */
    CONSOLE("console", "console", 8080, "target/quarkus-app/quarkus-run.jar", "/q/health/ready");

    private final String displayName;
    private final String module;
    private final int defaultPort;
    private final String jar;
    private final String readyPath;

    Component(String displayName, String module, int defaultPort, String jar, String readyPath) {
        this.displayName = displayName;
        this.module = module;
        this.defaultPort = defaultPort;
        this.jar = jar;
        this.readyPath = readyPath;
    }

    public String displayName() {
        return displayName;
    }

    /** The Maven module, relative to the repository root. */
    public String module() {
        return module;
    }

    public int defaultPort() {
        return defaultPort;
    }

    /** The packaged jar in a repository. */
    public Path jar(Path root) {
        return root.resolve(module).resolve(jar);
    }

    /** Answers 200 once the component can take work. */
    public String readyPath() {
        return readyPath;
    }

    /** One of the five services (not devstack, not the console). */
    public boolean isService() {
        return this != DEVSTACK && this != CONSOLE;
    }

    @Override
    public String toString() {
        return displayName;
    }
}
