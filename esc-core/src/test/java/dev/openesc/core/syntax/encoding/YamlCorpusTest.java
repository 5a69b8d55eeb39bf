package dev.openesc.core.syntax.encoding;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.openesc.core.syntax.Diagnostic;
import dev.openesc.core.testing.CaseTally;
import dev.openesc.core.testing.Corpus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs every case of the reference's YAML corpus ({@code syntax/encoding/testdata/yaml/<case>}): decoding
 * {@code doc.yaml} must give exactly the nodes, ranges and diagnostics of {@code decoded.json}, and re-encoding
 * must give {@code encoded.yaml} and the {@code encodeDiags}.
 */
class YamlCorpusTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void corpus() throws IOException {
        List<Path> cases = Corpus.list("esc/syntax/encoding/testdata/yaml", Files::isDirectory);
        assertThat(cases).hasSize(7);
        CaseTally tally = new CaseTally("YamlCorpusTest");
        for (Path dir : cases) {
            String name = dir.getFileName().toString();
            tally.record(name, runCase(name, dir));
        }
        tally.assertAllPassed();
    }

    private List<String> runCase(String name, Path dir) throws IOException {
        List<String> problems = new ArrayList<>();
        byte[] source = Files.readAllBytes(dir.resolve("doc.yaml"));
        JsonNode expected = JSON.readTree(dir.resolve("decoded.json").toFile());
        Decoded decoded = YamlDecoder.decode(name, source);

        JsonNode actualSyntax = decoded.node() == null ? null : JSON.readTree(SyntaxJson.node(decoded.node()));
        JsonNode expectedSyntax = expected.get("syntax");
        if (!java.util.Objects.equals(expectedSyntax, actualSyntax)) {
            problems.add("syntax differs\n    expected " + expectedSyntax + "\n    actual   " + actualSyntax);
        }
        JsonNode expectedDiags = trimDiags(expected.get("diags"));
        JsonNode actualDiags = JSON.readTree(SyntaxJson.diagnostics(sorted(decoded.diagnostics().asList())));
        if (!expectedDiags.equals(actualDiags)) {
            problems.add("diags differ\n    expected " + expectedDiags + "\n    actual   " + actualDiags);
        }

        if (decoded.node() != null) {
            YamlEncoder.Encoded encoded = YamlEncoder.encode(decoded.node(), 2);
            String expectedYaml = Files.readString(dir.resolve("encoded.yaml"), StandardCharsets.UTF_8);
            if (!expectedYaml.equals(encoded.text())) {
                problems.add("encoding differs\n--- expected\n" + expectedYaml + "--- actual\n" + encoded.text());
            }
            JsonNode expectedEncodeDiags = trimDiags(expected.get("encodeDiags"));
            JsonNode actualEncodeDiags = JSON.readTree(SyntaxJson.diagnostics(encoded.diagnostics().asList()));
            if (!expectedEncodeDiags.equals(actualEncodeDiags)) {
                problems.add("encodeDiags differ\n    expected " + expectedEncodeDiags + "\n    actual   "
                        + actualEncodeDiags);
            }
        }
        return problems;
    }

    /** Keeps the compared fields of the reference's diagnostics: Severity, Summary, Subject, Path. */
    private static JsonNode trimDiags(JsonNode diags) {
        ArrayNode out = JSON.createArrayNode();
        if (diags == null) {
            return out;
        }
        for (JsonNode d : diags) {
            ObjectNode o = out.addObject();
            o.set("Severity", d.get("Severity"));
            o.set("Summary", d.get("Summary"));
            o.set("Subject", d.get("Subject"));
            o.set("Path", d.get("Path"));
        }
        return out;
    }

    static List<Diagnostic> sorted(List<Diagnostic> diags) {
        List<Diagnostic> copy = new ArrayList<>(diags);
        copy.sort(Comparator.<Diagnostic, Boolean>comparing(d -> d.subject() != null)
                .thenComparing(d -> d.subject() == null ? d.summary() : "")
                .thenComparing(d -> d.subject() == null ? "" : d.subject().filename())
                .thenComparingInt(d -> d.subject() == null ? 0 : d.subject().start().line())
                .thenComparingInt(d -> d.subject() == null ? 0 : d.subject().start().column()));
        return copy;
    }
}
