package dev.openesc.core.ast;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openesc.core.testing.Corpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Robustness: every prefix of every corpus environment (cut mid-interpolation, mid-key, mid-builtin...) must parse
 * to a declaration and diagnostics, never an exception.
 */
class TruncatedInputTest {

    @Test
    void everyPrefixOfEveryCorpusEnvironmentParses() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Corpus.dir("esc/eval/testdata/eval"))) {
            files = walk.filter(f -> f.toString().endsWith(".yaml") && !f.toString().contains("/bench/"))
                    .sorted().collect(Collectors.toList());
        }
        assertThat(files).isNotEmpty();
        int parses = 0;
        for (Path file : files) {
            byte[] full = Files.readAllBytes(file);
            for (int cut = 0; cut <= full.length; cut++) {
                byte[] prefix = java.util.Arrays.copyOf(full, cut);
                try {
                    ParseCorpusTest.load("t", prefix);
                } catch (RuntimeException e) {
                    throw new AssertionError(file + " cut at " + cut + ": " + e, e);
                }
                parses++;
            }
        }
        System.out.println("truncated inputs parsed: " + parses);
    }
}
