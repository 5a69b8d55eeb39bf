package dev.openesc.core.syntax.encoding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openesc.core.testing.Corpus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Replays the {@code env set}/{@code env rm} steps of the CLI story {@code env-set.yaml} against one document with
 * {@link YamlEditor} and compares each resulting definition with the one the story prints. The CLI's own rules
 * (paths outside {@code imports} go under {@code values}, an empty argument is an empty string) are imitated here
 * only to drive the editor.
 */
class CliSetStoryTest {
    @Test
    void envSetStoryDefinitions() throws Exception {
        String story = Files.readString(Corpus.dir("esc/cmd/esc/cli/testdata").resolve("env-set.yaml"),
                StandardCharsets.UTF_8);
        List<String> definitions = new ArrayList<>();
        int at = 0;
        while ((at = story.indexOf("# Definition\n```yaml\n", at)) >= 0) {
            int start = at + "# Definition\n```yaml\n".length();
            int end = story.indexOf("\n```", start);
            definitions.add(story.substring(start, end));
            at = end;
        }
        String run = story.substring(story.indexOf("run: |\n") + 7, story.indexOf("\n---\n"));
        YamlEditor editor = YamlEditor.load("test", new byte[0]).editor();
        int shown = 0;
        List<String> failures = new ArrayList<>();
        for (String line : run.split("\n")) {
            List<String> words = shellWords(line.trim());
            if (words.size() < 5 || !words.get(1).equals("env") || !words.get(4 - 1).equals("default/test")) {
                continue;
            }
            String path = words.get(4);
            String fullPath = path.startsWith("imports") ? path : "values." + path;
            if (words.get(2).equals("set")) {
                String value = words.get(5);
                editor.set(fullPath, value.isEmpty() ? YamlNode.scalar("!!str", "") : YamlEditor.parseValue(value));
            } else if (words.get(2).equals("rm")) {
                editor.delete(fullPath);
            }
            if (line.contains("esc env get")) {
                String expected = definitions.get(shown++);
                String actual = editor.encode(2);
                if (!(expected + "\n").equals(actual + "\n") && !expected.equals(actual)) {
                    failures.add(line + "\n--- expected\n" + expected + "--- actual\n" + actual);
                }
            }
        }
        System.out.println("CliSetStoryTest: " + (shown - failures.size()) + " passed, " + failures.size() + " failed");
        failures.forEach(System.out::println);
        assertThat(shown).isEqualTo(definitions.size());
        assertThat(failures).isEmpty();
    }

    /** Splits a command line on spaces, honouring single quotes; stops at "&&". */
    private static List<String> shellWords(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean quoted = false;
        boolean inWord = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
                inWord = true;
            } else if (c == ' ' && !quoted) {
                if (inWord) {
                    if (w.toString().equals("&&")) {
                        return words;
                    }
                    words.add(w.toString());
                    w.setLength(0);
                    inWord = false;
                }
            } else {
                w.append(c);
                inWord = true;
            }
        }
        if (inWord && !w.toString().equals("&&")) {
            words.add(w.toString());
        }
        return words;
    }
}
