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
 * Every {@link Diverges} of the conformance suites is listed in {@code docs/devstack.md}: each reason appears there
 * verbatim. On failure the message gives the markdown rows to add, one per divergence: {@code | <Class>.<method> |
 * <target> | <reason> |}.
 */
class DivergencesDocumentedTest {
    private static final Path DOC = Path.of("../../docs/devstack.md");

    /** One @Diverges on one case. */
    record Divergence(String where, String target, String reason) {
        String row() {
            return "| " + where + " | " + target + " | " + reason + " |";
        }
    }

    @Test
    void everyDivergenceIsListedInTheDevstackDoc() throws IOException {
        List<Divergence> all = divergences();
        assertThat(all)
                .as("@Diverges annotations found in the conformance classes")
                .isNotEmpty();
        assertThat(all)
                .as("a reason is one line without '|', so it fits a markdown table row")
                .allSatisfy(
                        d -> assertThat(d.reason()).doesNotContain("|", "\n").isNotBlank());

        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        List<Divergence> missing =
                all.stream().filter(d -> !doc.contains(d.reason())).collect(Collectors.toList());
        if (!missing.isEmpty()) {
            fail(String.format(
                    "%s lacks %d of %d @Diverges reasons; add these rows to its table of divergences:%n"
                            + "| case | target | what the target does ; what AWS documents |%n|---|---|---|%n%s",
                    DOC.normalize(),
                    missing.size(),
                    all.size(),
                    missing.stream().map(Divergence::row).collect(Collectors.joining(System.lineSeparator()))));
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
