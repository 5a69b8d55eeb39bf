package dev.openesc.core.ast;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openesc.core.syntax.Diagnostics;
import dev.openesc.core.syntax.encoding.Decoded;
import dev.openesc.core.syntax.encoding.YamlDecoder;
import dev.openesc.core.testing.CaseTally;
import dev.openesc.core.testing.Corpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs the reference's parse corpus ({@code esc/ast/testdata/parse}): each {@code env.yaml} is decoded and parsed,
 * and the declaration (in the reference's JSON shape) and the diagnostics must match {@code expected.json}.
 */
class ParseCorpusTest {

    /** Decoding plus parsing, with the diagnostics of both, as the reference's loader reports them. */
    static EnvironmentParser.Parsed load(String name, byte[] source) {
        Decoded decoded = YamlDecoder.decode(name, source);
        Diagnostics diags = new Diagnostics();
        diags.addAll(decoded.diagnostics());
        EnvironmentDecl decl = null;
        if (decoded.node() != null) {
            EnvironmentParser.Parsed parsed = EnvironmentParser.parse(source, decoded.node());
            diags.addAll(parsed.diags());
            decl = parsed.decl();
        }
        return new EnvironmentParser.Parsed(decl, diags);
    }

    @Test
    void parseCorpus() throws IOException {
        List<Path> cases = Corpus.list("esc/ast/testdata/parse", Files::isDirectory);
        assertThat(cases).isNotEmpty();
        CaseTally tally = new CaseTally("parse corpus");
        for (Path dir : cases) {
            String name = dir.getFileName().toString();
            JsonNode expected = CorpusJson.read(dir.resolve("expected.json"));
            EnvironmentParser.Parsed parsed = load(name, Files.readAllBytes(dir.resolve("env.yaml")));

            JsonNode wantDecl = CorpusJson.normalize(expected.get("decl"));
            JsonNode gotDecl = CorpusJson.normalize(DeclJson.decl(parsed.decl()));
            List<JsonNode> wantDiags = CorpusJson.expectedDiags(expected.get("diags"));
            List<JsonNode> gotDiags = CorpusJson.actualDiags(parsed.diags());

            List<String> problems = new ArrayList<>();
            if (!wantDecl.equals(gotDecl)) {
                problems.add("decl differs\n  want: " + wantDecl + "\n  got:  " + gotDecl);
            }
            if (!wantDiags.equals(gotDiags)) {
                problems.add("diags differ\n  want: " + wantDiags + "\n  got:  " + gotDiags);
            }
            tally.record(name, problems);
        }
        tally.assertAllPassed();
    }
}
