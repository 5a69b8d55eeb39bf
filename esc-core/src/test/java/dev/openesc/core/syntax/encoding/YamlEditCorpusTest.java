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
 * Runs the reference's YAML editing corpus ({@code syntax/encoding/testdata/yaml-edit/<case>}): each edit in
 * {@code edits.yaml} sets (or, with a null value, removes) a property path of {@code doc.yaml}; the result, written
 * with the default indentation of 4, must equal {@code expected.yaml}.
 */
class YamlEditCorpusTest {
    @Test
    void corpus() throws IOException {
        Path root = Corpus.dir("esc/syntax/encoding/testdata/yaml-edit");
        List<Path> cases;
        try (Stream<Path> s = Files.list(root)) {
            cases = s.filter(Files::isDirectory).sorted().toList();
        }
        assertThat(cases).hasSize(7);
        List<String> failures = new ArrayList<>();
        int passed = 0;
        for (Path dir : cases) {
            String name = dir.getFileName().toString();
            String problem = runCase(dir);
            if (problem == null) {
                passed++;
            } else {
                failures.add(name + ": " + problem);
            }
        }
        System.out.println("YamlEditCorpusTest: " + passed + " passed, " + failures.size() + " failed");
        failures.forEach(System.out::println);
        assertThat(failures).isEmpty();
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
