package dev.openesc.core.syntax.encoding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openesc.core.testing.CaseTally;
import dev.openesc.core.testing.Corpus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs the reference's YAML editing corpus ({@code syntax/encoding/testdata/yaml-edit/<case>}): each edit in
 * {@code edits.yaml} sets (or, with a null value, removes) a property path of {@code doc.yaml}; the result, written
 * with the default indentation of 4, must equal {@code expected.yaml}.
 */
class YamlEditCorpusTest {
    @Test
    void corpus() throws IOException {
        List<Path> cases = Corpus.list("esc/syntax/encoding/testdata/yaml-edit", Files::isDirectory);
        assertThat(cases).hasSize(7);
        CaseTally tally = new CaseTally("YamlEditCorpusTest");
        for (Path dir : cases) {
            tally.record(dir.getFileName().toString(), runCase(dir));
        }
        tally.assertAllPassed();
    }

    private static String runCase(Path dir) throws IOException {
        YamlEditor.Loaded loaded = YamlEditor.load("doc", Files.readAllBytes(dir.resolve("doc.yaml")));
        if (loaded.editor() == null) {
            return "doc.yaml did not load: " + loaded.diagnostics();
        }
        YamlEditor.Loaded edits = YamlEditor.load("edits", Files.readAllBytes(dir.resolve("edits.yaml")));
        YamlNode list = edits.editor().root().content.get(0).content.get(1);
        try {
            for (YamlNode edit : list.content) {
                String path = edit.content.get(0).value;
                YamlNode value = edit.content.get(1);
                if ("!!null".equals(value.tag)) {
                    loaded.editor().delete(path);
                } else {
                    loaded.editor().set(path, value);
                }
            }
        } catch (YamlEditException e) {
            return "edit failed: " + e.getMessage();
        }
        String expected = Files.readString(dir.resolve("expected.yaml"), StandardCharsets.UTF_8);
        String actual = loaded.editor().encode(4);
        return expected.equals(actual) ? null : "\n--- expected\n" + expected + "--- actual\n" + actual;
    }
}
