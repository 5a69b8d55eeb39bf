package dev.openesc.core.ast;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openesc.core.testing.CaseTally;
import dev.openesc.core.testing.Corpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Checks the parse-time diagnostics the evaluator corpus implies. The root environment's decode and parse
 * diagnostics are the case's {@code loadDiags} (none when absent); an imported environment's parse diagnostics
 * surface in {@code checkDiags}, so each must appear there.
 */
class EvalCorpusLoadTest {

    @Test
    void evalCorpusLoadDiagnostics() throws IOException {
        List<Path> cases = Corpus.list("esc/eval/testdata/eval", d -> Files.isRegularFile(d.resolve("expected.json")));
        assertThat(cases).hasSizeGreaterThan(50);
        CaseTally tally = new CaseTally("eval corpus load diagnostics");
        for (Path dir : cases) {
            tally.record(dir.getFileName().toString(), check(dir));
        }
        tally.assertAllPassed();
    }

    private static String check(Path dir) throws IOException {
        JsonNode expected = CorpusJson.read(dir.resolve("expected.json"));
        String rootName = dir.getFileName().toString();
        Path overrides = dir.resolve("overrides.json");
        if (Files.exists(overrides)) {
            rootName = CorpusJson.read(overrides).path("rootEnvironment").asText(rootName);
        }

        List<JsonNode> want = CorpusJson.expectedDiags(expected.get("loadDiags"));
        List<JsonNode> got = CorpusJson.actualDiags(
                ParseCorpusTest.load(rootName, Files.readAllBytes(dir.resolve("env.yaml"))).diags());
        if (!want.equals(got)) {
            return "root diags differ\n  want: " + want + "\n  got:  " + got;
        }

        List<JsonNode> checkDiags = CorpusJson.expectedDiags(expected.get("checkDiags"));
        List<Path> imported;
        try (Stream<Path> files = Files.walk(dir)) {
            imported = files.filter(f -> f.toString().endsWith(".yaml") && !f.equals(dir.resolve("env.yaml")))
                    .sorted().collect(Collectors.toList());
        }
        for (Path file : imported) {
            String rel = dir.relativize(file).toString().replace('\\', '/');
            String name = rel.substring(0, rel.length() - ".yaml".length());
            for (JsonNode d : CorpusJson.actualDiags(ParseCorpusTest.load(name, Files.readAllBytes(file)).diags())) {
                if (!checkDiags.contains(d)) {
                    return "diagnostic of imported " + name + " not in checkDiags: " + d;
                }
            }
        }
        return null;
    }
}
