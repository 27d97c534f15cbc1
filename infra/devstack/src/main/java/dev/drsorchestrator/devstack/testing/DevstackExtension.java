package dev.drsorchestrator.devstack.testing;

import dev.drsorchestrator.devstack.Devstack;
import dev.drsorchestrator.devstack.DevstackConfig;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5: {@code @ExtendWith(DevstackExtension.class)} starts one devstack for the whole test run (on a free port,
 * shared by every class that uses the extension) and injects it as a {@link Devstack} parameter. Tests that need a
 * clean slate call {@link Devstack#reset()}.
 */
public final class DevstackExtension implements BeforeAllCallback, ParameterResolver {
    @Override
    public void beforeAll(ExtensionContext context) {
        SharedDevstack.get();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        return parameter.getParameter().getType() == Devstack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        return SharedDevstack.get();
    }

    /** The JVM's one shared devstack, started on first use and closed when the JVM exits. */
    public static final class SharedDevstack {
        private static Devstack instance;

        private SharedDevstack() {}

        public static synchronized Devstack get() {
            if (instance == null) {
                Devstack d = Devstack.start(DevstackConfig.forTests());
                Runtime.getRuntime().addShutdownHook(new Thread(d::close, "devstack-shutdown"));
                instance = d;
            }
            return instance;
        }
    }
}
