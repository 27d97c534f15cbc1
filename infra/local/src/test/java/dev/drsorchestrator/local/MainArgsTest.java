package dev.drsorchestrator.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The run command's options: defaults, values, and a message naming the option for every mistake. */
class MainArgsTest {

    @Test
    void withoutOptionsTheDemoRunsWithSixtyServersAndOneToFourSecondLaunches() {
        Main.Args args = Main.Args.parse(new String[0]);
        assertThat(args.demo()).isTrue();
        assertThat(args.fleet()).isEqualTo(60);
        assertThat(args.launchMinMillis()).isEqualTo(1000);
        assertThat(args.launchMaxMillis()).isEqualTo(4000);
        assertThat(args.jobStartMillis()).isEqualTo(500);
        assertThat(args.seed()).isEqualTo(42);
        assertThat(args.logs()).isNull();
    }

    @Test
    void everyOptionIsRead() {
        Main.Args args = Main.Args.parse(new String[] {
            "--no-demo",
            "--fleet",
            "250",
            "--launch-ms",
            "200-900",
            "--job-start-ms",
            "0",
            "--seed",
            "7",
            "--logs",
            "/tmp/drs-logs",
            "--build"
        });
        assertThat(args).isEqualTo(new Main.Args(false, 250, 200, 900, 0, 7, Path.of("/tmp/drs-logs")));
    }

    @Test
    void mistakesNameTheOptionAndWhatIsExpected() {
        assertThatThrownBy(() -> Main.Args.parse(new String[] {"--fleet", "5"}))
                .hasMessage("--fleet: between 6 and 10000, got 5");
        assertThatThrownBy(() -> Main.Args.parse(new String[] {"--fleet", "many"}))
                .hasMessage("--fleet: a whole number, got 'many'");
        assertThatThrownBy(() -> Main.Args.parse(new String[] {"--launch-ms", "3000"}))
                .hasMessage("--launch-ms: MIN-MAX in milliseconds, e.g. 1000-4000; got '3000'");
        assertThatThrownBy(() -> Main.Args.parse(new String[] {"--launch-ms", "4000-1000"}))
                .hasMessage("--launch-ms: MAX (1000) is below MIN (4000)");
        assertThatThrownBy(() -> Main.Args.parse(new String[] {"--seed"})).hasMessage("--seed: a value is required");
        assertThatThrownBy(() -> Main.Args.parse(new String[] {"--demo"})).hasMessage("unknown option '--demo'");
    }
}
