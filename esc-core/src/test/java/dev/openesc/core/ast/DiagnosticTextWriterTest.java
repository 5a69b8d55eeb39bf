package dev.openesc.core.ast;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openesc.core.syntax.Diagnostic;
import dev.openesc.core.syntax.Pos;
import dev.openesc.core.syntax.Range;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The human-readable diagnostic layout, checked against outputs from the reference CLI's scripts. */
class DiagnosticTextWriterTest {

    private static String print(String name, String yaml) {
        byte[] source = yaml.getBytes(StandardCharsets.UTF_8);
        EnvironmentParser.Parsed parsed = ParseCorpusTest.load(name, source);
        StringBuilder out = new StringBuilder();
        new DiagnosticTextWriter(Map.of(name, source), 0, false).write(out, parsed.diags());
        return out.toString();
    }

    @Test
    void emptySubjectShowsItsLine() {
        // `imports:` with nothing after it: the reference locates the empty value just after the colon (1:9).
        byte[] src = "imports:\n\n".getBytes(StandardCharsets.UTF_8);
        Diagnostic d = Diagnostic.error(new Range("default/test", new Pos(1, 9, 8), new Pos(1, 9, 8)),
                "imports must be a list", "imports");
        assertThat(new DiagnosticTextWriter(Map.of("default/test", src), 0, false).format(d))
                .isEqualTo("Error: imports must be a list\n\n  on default/test line 1:\n   1: imports:\n\n");
    }

    @Test
    void duplicateSectionWarning() {
        assertThat(print("default/test", "values:\n  x: 1\nvalues:\n  y: 2\n"))
                .isEqualTo("Warning: duplicate key \"values\"\n\n  on default/test line 3:\n   3: values:\n\n");
    }

    @Test
    void multiLineSubjectQuotesEveryLine() {
        assertThat(print("e", "values:\n  m:\n    fn::join: x\n    other: y\n")).isEqualTo(
                "Error: illegal call to builtin function: \"fn::join\" must be the only key within its containing"
                        + " object\n\n  on e line 3:\n   3:     fn::join: x\n   4:     other: y\n\n");
    }

    @Test
    void colorUnderlinesTheSubjectAndMissingSourceIsSaid() {
        byte[] src = "values:\n  a: ${b.}\n".getBytes(StandardCharsets.UTF_8);
        Diagnostic d = Diagnostic.error(new Range("f", new Pos(2, 9, 16), new Pos(2, 10, 17)), "oops", "values.a");
        String colored = new DiagnosticTextWriter(Map.of("f", src), 0, true).format(d);
        assertThat(colored).isEqualTo("\u001b[31mError\u001b[0m: oops\n\n  on f line 2:\n"
                + "   2:   a: ${b\u001b[1;4m.\u001b[0m}\n\n");
        assertThat(new DiagnosticTextWriter(Map.of(), 0, false).format(d))
                .isEqualTo("Error: oops\n\n  on f line 2:\n  (source code not available)\n\n");
    }

    @Test
    void lineAndColumnOnlyPositionsGetOffsets() {
        byte[] src = "a: 1\n\tb: 2\n".getBytes(StandardCharsets.UTF_8);
        Diagnostic d = Diagnostic.error(new Range("f", new Pos(2, 5, 0), new Pos(2, 6, 0)), "tabbed", "");
        assertThat(new DiagnosticTextWriter(Map.of("f", src), 0, true).format(d))
                .contains("   2: \t\u001b[1;4mb\u001b[0m: 2\n");
    }

    @Test
    void detailIsWrapped() {
        Diagnostic d = new Diagnostic(dev.openesc.core.syntax.Severity.WARNING, "s", "one two three four", null, "");
        assertThat(new DiagnosticTextWriter(Map.of(), 9, false).format(d))
                .isEqualTo("Warning: s\n\none two\nthree\nfour\n\n");
    }
}
