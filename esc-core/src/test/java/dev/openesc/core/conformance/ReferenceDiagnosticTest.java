package dev.openesc.core.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openesc.core.syntax.Diagnostic;
import dev.openesc.core.syntax.Pos;
import dev.openesc.core.syntax.Range;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReferenceDiagnosticTest {

    private static ReferenceDiagnostic at(String file, int line, int column, String summary) {
        return ReferenceDiagnostic.fromActual(Diagnostic.error(
                new Range(file, new Pos(line, column, 0), new Pos(line, column + 1, 1)), summary, "p"));
    }

    private static ReferenceDiagnostic unplaced(String summary) {
        return ReferenceDiagnostic.fromActual(Diagnostic.error(null, summary, ""));
    }

    @Test
    void sortsLikeTheReference() {
        List<ReferenceDiagnostic> sorted = ReferenceDiagnostic.sorted(List.of(
                at("b", 1, 1, "s"), at("a", 2, 1, "s"), unplaced("zeta"), at("a", 1, 9, "s"), at("a", 1, 2, "s"),
                unplaced("alpha")));
        assertThat(sorted).extracting(ReferenceDiagnostic::toString).containsExactly(
                "error (no subject): \"alpha\"",
                "error (no subject): \"zeta\"",
                "error \"a\" 1:2-1:3 (bytes 0-1) at p: \"s\"",
                "error \"a\" 1:9-1:10 (bytes 0-1) at p: \"s\"",
                "error \"a\" 2:1-2:2 (bytes 0-1) at p: \"s\"",
                "error \"b\" 1:1-1:2 (bytes 0-1) at p: \"s\"");
    }

    @Test
    void tiesAtOnePositionCompareAsASet() {
        var x = at("f", 3, 4, "expected null, got object");
        var y = at("f", 3, 4, "exactly one subschema must match");
        assertThat(DiagnosticsComparison.describe(List.of(x, y), List.of(y, x))).isNull();
    }

    @Test
    void readsTheReferenceShapeAndComparesEveryPinnedField() {
        String json = """
                {"Severity": 1, "Summary": "unknown property", "Detail": "",
                 "Subject": {"Filename": "env", "Start": {"Line": 2, "Column": 3, "Byte": 10},
                             "End": {"Line": 2, "Column": 8, "Byte": 15}},
                 "Context": null, "Expression": null, "EvalContext": null, "Extra": null, "Path": "values.x"}""";
        ReferenceDiagnostic expected = ReferenceDiagnostic.fromExpected(JsonTrees.parse(json));
        Diagnostic same = Diagnostic.error(new Range("env", new Pos(2, 3, 10), new Pos(2, 8, 15)),
                "unknown property", "values.x");
        assertThat(DiagnosticsComparison.describe(List.of(expected), DiagnosticsComparison.actual(List.of(same))))
                .isNull();

        List<Diagnostic> wrongOnes = List.of(
                Diagnostic.warning(same.subject(), same.summary(), same.path()),
                Diagnostic.error(same.subject(), "unknown property!", same.path()),
                Diagnostic.error(new Range("env2", same.subject().start(), same.subject().end()), same.summary(),
                        same.path()),
                Diagnostic.error(new Range("env", new Pos(2, 3, 11), same.subject().end()), same.summary(),
                        same.path()),
                Diagnostic.error(new Range("env", same.subject().start(), new Pos(2, 9, 15)), same.summary(),
                        same.path()),
                Diagnostic.error(same.subject(), same.summary(), "values.y"),
                Diagnostic.error(null, same.summary(), same.path()));
        for (Diagnostic wrong : wrongOnes) {
            assertThat(DiagnosticsComparison.describe(List.of(expected),
                    DiagnosticsComparison.actual(List.of(wrong)))).as(wrong.toString()).isNotNull();
        }
    }

    @Test
    void reportListsWhatIsMissingAndWhatIsUnexpected() {
        String report = DiagnosticsComparison.describe(
                List.of(at("f", 1, 1, "one"), at("f", 2, 1, "two")),
                List.of(at("f", 2, 1, "two"), at("f", 5, 1, "five")));
        assertThat(report).contains("expected 2 diagnostic(s), got 2")
                .contains("- missing:    error \"f\" 1:1-1:2 (bytes 0-1) at p: \"one\"")
                .contains("+ unexpected: error \"f\" 5:1-5:2 (bytes 0-1) at p: \"five\"");
    }

    @Test
    void refusesFieldsItDoesNotCompare() {
        assertThatThrownBy(() -> ReferenceDiagnostic.fromExpected(JsonTrees.parse(
                "{\"Severity\":1,\"Summary\":\"s\",\"Detail\":\"more\",\"Subject\":null,\"Path\":\"\"}")))
                .hasMessageContaining("Detail");
        assertThatThrownBy(() -> ReferenceDiagnostic.fromExpected(JsonTrees.parse(
                "{\"Severity\":1,\"Summary\":\"s\",\"Extra\":{},\"Subject\":null,\"Path\":\"\"}")))
                .hasMessageContaining("Extra");
        assertThatThrownBy(() -> ReferenceDiagnostic.fromExpected(JsonTrees.parse(
                "{\"Severity\":1,\"Summary\":\"s\",\"Hint\":\"x\"}")))
                .hasMessageContaining("Hint");
    }
}
