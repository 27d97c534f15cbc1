package dev.drsorchestrator.devstack.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/devstack.md} lists exactly the {@link Diverges} of the conformance suites, one row each ({@code |
 * <Class>.<method> | <target> | <reason> |}, sorted), between its divergence markers. On failure the message gives the
 * rows the table must have.
 */
class DivergencesDocumentedTest {
    private static final Path DOC = Path.of("../../docs/devstack.md");
    private static final String START = "<!-- divergences:start -->";
    private static final String END = "<!-- divergences:end -->";

    /** One @Diverges on one case. */
    record Divergence(String where, String target, String reason) {
        String row() {
            return "| " + where + " | " + target + " | " + reason + " |";
        }
    }

    @Test
    void theDevstackDocListsExactlyTheDivergences() throws IOException {
        List<Divergence> all = divergences();
        assertThat(all)
                .as("@Diverges annotations found in the conformance classes")
                .isNotEmpty();
        assertThat(all)
                .as("a reason is one line without '|', so it fits a markdown table row")
                .allSatisfy(
                        d -> assertThat(d.reason()).doesNotContain("|", "\n").isNotBlank());

        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        int from = doc.indexOf(START);
        int to = doc.indexOf(END);
        assertThat(from)
                .as(DOC.normalize() + " has the markers " + START + " and " + END)
                .isNotNegative();
        assertThat(to)
                .as(DOC.normalize() + " has the markers " + START + " and " + END)
                .isGreaterThan(from);
        List<String> documented = doc.substring(from + START.length(), to)
                .lines()
                .filter(l -> l.startsWith("| ") && !l.startsWith("| case |"))
                .collect(Collectors.toList());
        List<String> expected = all.stream().map(Divergence::row).collect(Collectors.toList());
        if (!documented.equals(expected)) {
            fail(String.format(
                    "the table of divergences in %s (between %s and %s) is not the one the @Diverges annotations give;"
                            + " replace its rows with:%n| case | target | what the target does ; what AWS documents |%n"
                            + "|---|---|---|%n%s",
                    DOC.normalize(), START, END, String.join(System.lineSeparator(), expected)));
        }
    }

    /** Every @Diverges on a method of a class under this package, sorted by class and method. */
    static List<Divergence> divergences() throws IOException {
        List<Divergence> found = new ArrayList<>();
        for (Class<?> c : conformanceClasses()) {
            for (Method m : c.getDeclaredMethods()) {
                for (Diverges d : m.getAnnotationsByType(Diverges.class)) {
                    found.add(new Divergence(c.getSimpleName() + "." + m.getName(), d.target(), d.reason()));
                }
            }
        }
        found.sort(Comparator.comparing(Divergence::where).thenComparing(Divergence::target));
        return found;
    }

    private static List<Class<?>> conformanceClasses() throws IOException {
        String pkg = DivergencesDocumentedTest.class.getPackageName();
        URL url = DivergencesDocumentedTest.class.getResource("/" + pkg.replace('.', '/'));
        assertThat(url).as("the conformance package on the test class path").isNotNull();
        Path root;
        try {
            root = Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).collect(Collectors.toList())) {
                String relative =
                        root.relativize(f).toString().replace(f.getFileSystem().getSeparator(), ".");
                String name = pkg + "." + relative.substring(0, relative.length() - ".class".length());
                try {
                    classes.add(Class.forName(name, false, DivergencesDocumentedTest.class.getClassLoader()));
                } catch (ClassNotFoundException | LinkageError e) {
                    throw new IOException("cannot load " + name, e);
                }
            }
        }
        return classes;
    }
}
