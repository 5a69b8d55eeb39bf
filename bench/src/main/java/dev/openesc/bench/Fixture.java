package dev.openesc.bench;

import dev.openesc.core.crypt.Rot128;
import dev.openesc.core.provider.EnvironmentLoadException;
import dev.openesc.core.provider.EnvironmentLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The documents of one benchmark case, held in memory so that no file I/O is measured: a root environment and every
 * environment it imports, directly or not. Also the {@link EnvironmentLoader} the evaluator reads the imports from.
 *
 * @param root the name of the environment to evaluate
 * @param documents every document by environment name
 */
public record Fixture(String root, Map<String, byte[]> documents) implements EnvironmentLoader {
    /** The benchmark fixture's folder inside the reference corpus. */
    private static final String CORPUS_BENCH = "esc/eval/testdata/eval/bench";

    public Fixture {
        documents = Map.copyOf(documents);
    }

    /**
     * A fixture by name: {@code corpus} is the reference corpus's {@code bench} folder (root {@code env}), a number
     * is a {@link GeneratedEnvironments generated} environment with that many values. The corpus is found like the
     * tests find it: {@code $ESC_CONFORMANCE_DIR}, else {@code ../shared/conformance} from the working directory.
     */
    public static Fixture named(String name) {
        if (name.equals("corpus")) {
            String dir = System.getenv("ESC_CONFORMANCE_DIR");
            return corpus(Path.of(dir == null || dir.isEmpty() ? "../shared/conformance" : dir, CORPUS_BENCH));
        }
        return new Fixture(GeneratedEnvironments.ROOT, GeneratedEnvironments.generate(Integer.parseInt(name)));
    }

    /** Every {@code <name>.yaml} of a folder; the root is {@code env}. */
    static Fixture corpus(Path dir) {
        Map<String, byte[]> docs = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                String file = f.getFileName().toString();
                if (file.endsWith(".yaml")) {
                    docs.put(file.substring(0, file.length() - ".yaml".length()), Files.readAllBytes(f));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the benchmark fixture in " + dir.toAbsolutePath(), e);
        }
        if (!docs.containsKey("env")) {
            throw new IllegalStateException("no env.yaml in " + dir.toAbsolutePath());
        }
        return new Fixture("env", docs);
    }

    public byte[] rootDocument() {
        return documents.get(root);
    }

    /** Every document, the root first; what the YAML-only baseline parses. */
    public List<byte[]> allDocuments() {
        Map<String, byte[]> ordered = new LinkedHashMap<>();
        ordered.put(root, rootDocument());
        ordered.putAll(documents);
        return List.copyOf(ordered.values());
    }

    public long totalBytes() {
        return documents.values().stream().mapToLong(d -> d.length).sum();
    }

    @Override
    public LoadedEnvironment load(String name) throws EnvironmentLoadException {
        byte[] doc = documents.get(name);
        if (doc == null) {
            throw new EnvironmentLoadException("environment \"" + name + "\" not found");
        }
        // the corpus fixture's secrets use the reference test cipher
        return new LoadedEnvironment(doc, Rot128.INSTANCE);
    }
}
