package dev.openesc.core.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One evaluator case of the corpus: a folder holding {@code env.yaml} (the root environment), the environments it
 * imports, {@code expected.json} and optionally {@code overrides.json}.
 *
 * @param folder      the case folder's name, which names the import files' location in messages
 * @param dir         the case folder
 * @param source      the bytes of env.yaml
 * @param expected    the parsed expected.json
 * @param overrides   the parsed overrides.json, or {@link Overrides#NONE}
 */
record EvalCase(String folder, Path dir, byte[] source, ObjectNode expected, Overrides overrides) {
    /** The corpus folder of evaluator cases, relative to the corpus root. */
    static final String CORPUS_DIR = "esc/eval/testdata/eval";

    /** Folders that are not cases: {@code bench} is a benchmark fixture without expectations. */
    static final List<String> NOT_CASES = List.of("bench");

    /** The root environment's name: the folder's, unless overrides.json sets {@code rootEnvironment}. */
    String environmentName() {
        return overrides.rootEnvironment() != null ? overrides.rootEnvironment() : folder;
    }

    static EvalCase load(Path dir) {
        try {
            JsonNode expected = JsonTrees.read(dir.resolve("expected.json"));
            if (!(expected instanceof ObjectNode object)) {
                throw new IllegalArgumentException(dir + "/expected.json must hold an object");
            }
            Path overrides = dir.resolve("overrides.json");
            return new EvalCase(
                    dir.getFileName().toString(),
                    dir,
                    Files.readAllBytes(dir.resolve("env.yaml")),
                    object,
                    Files.exists(overrides) ? Overrides.parse(JsonTrees.read(overrides)) : Overrides.NONE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read case " + dir, e);
        }
    }

    /** The case folders under {@code casesDir}, sorted by name, without {@link #NOT_CASES}. */
    static List<Path> folders(Path casesDir) {
        try (Stream<Path> entries = Files.list(casesDir)) {
            List<Path> dirs = new ArrayList<>(entries
                    .filter(Files::isDirectory)
                    .filter(p -> !NOT_CASES.contains(p.getFileName().toString()))
                    .sorted()
                    .toList());
            if (dirs.isEmpty()) {
                throw new IllegalStateException("no evaluator cases in " + casesDir);
            }
            return dirs;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + casesDir, e);
        }
    }

    @Override
    public String toString() {
        return folder;
    }
}
