package dev.openesc.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Locates the reference conformance corpus ({@code ../shared/conformance} from the project root). The location can
 * be overridden with the {@code ESC_CONFORMANCE_DIR} environment variable or the {@code esc.conformance.dir}
 * system property. A missing corpus fails the test loudly; only {@code ESC_SKIP_CONFORMANCE=1} (never set by CI)
 * turns that into a skip.
 */
public final class Corpus {
    private Corpus() {}

    /** The corpus root: the folder that holds {@code esc/}. */
    public static Path root() {
        String dir = System.getenv("ESC_CONFORMANCE_DIR");
        if (dir == null || dir.isBlank()) {
            dir = System.getProperty("esc.conformance.dir");
        }
        Path root = dir == null || dir.isBlank() ? Path.of("../../shared/conformance") : Path.of(dir);
        root = root.toAbsolutePath().normalize();
        if (!Files.isDirectory(root.resolve("esc"))) {
            if ("1".equals(System.getenv("ESC_SKIP_CONFORMANCE"))) {
                org.junit.jupiter.api.Assumptions.abort("conformance corpus skipped by ESC_SKIP_CONFORMANCE=1");
            }
            throw new IllegalStateException("conformance corpus not found at " + root
                    + " (set ESC_CONFORMANCE_DIR, or ESC_SKIP_CONFORMANCE=1 to skip explicitly)");
        }
        return root;
    }

    /** A folder of the corpus, e.g. {@code esc/eval/testdata/eval}. */
    public static Path dir(String relative) {
        return root().resolve(relative);
    }

    /** The entries of a corpus folder that {@code filter} accepts (case folders, say), sorted by name. */
    public static List<Path> list(String relative, Predicate<Path> filter) {
        Path dir = dir(relative);
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(filter).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }
}
