package dev.openesc.core.syntax.encoding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openesc.core.testing.Corpus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every YAML document of the corpus that decodes cleanly must survive re-encoding: the re-encoded text decodes
 * to the same values, and encoding is idempotent (encoding the re-decoded document gives the same text).
 */
class RoundTripTest {
    @Test
    void corpusDocumentsRoundTrip() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(Corpus.dir("esc"))) {
            files = s.filter(p -> p.toString().endsWith(".yaml") && !p.toString().contains("/cli/testdata/"))
                    .sorted().toList();
        }
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Path f : files) {
            Decoded first = YamlDecoder.decode("doc", Files.readAllBytes(f));
            if (first.node() == null || first.diagnostics().hasErrors()) {
                continue;
            }
            checked++;
            String text = YamlEncoder.encode(first.node(), 2).text();
            Decoded second = YamlDecoder.decode("doc", text.getBytes(StandardCharsets.UTF_8));
            String before = withoutRanges(SyntaxJson.node(first.node()));
            String after = second.node() == null ? "<failed: " + second.diagnostics() + ">"
                    : withoutRanges(SyntaxJson.node(second.node()));
            if (!before.equals(after)) {
                failures.add(f + ": values changed\n" + before + "\n" + after + "\n" + text);
                continue;
            }
            String again = YamlEncoder.encode(second.node(), 2).text();
            if (!again.equals(text)) {
                failures.add(f + ": not idempotent\n--- first\n" + text + "--- second\n" + again);
            }
        }
        System.out.println("RoundTripTest: " + checked + " documents, " + failures.size() + " failed");
        failures.forEach(System.out::println);
        assertThat(failures).isEmpty();
    }

    private static String withoutRanges(String json) {
        return json.replaceAll(",?\"range\":\\{\"Filename\":\"[^\"]*\",\"Start\":\\{[^}]*\\},\"End\":\\{[^}]*\\}\\}", "");
    }
}
