package dev.openesc.core.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openesc.core.syntax.Diagnostic;
import java.util.ArrayList;
import java.util.List;

/** Compares the diagnostics a run produced with a {@code *Diags} expectation, both in the reference's sort order. */
final class DiagnosticsComparison {
    private DiagnosticsComparison() {}

    /** The expected diagnostics of a key; an absent key means none (the reference omits empty lists). */
    static List<ReferenceDiagnostic> expected(JsonNode json) {
        if (json == null || json.isNull()) {
            return List.of();
        }
        if (!json.isArray()) {
            throw new IllegalArgumentException("diagnostics must be an array: " + JsonTrees.snippet(json));
        }
        List<ReferenceDiagnostic> diags = new ArrayList<>();
        json.forEach(d -> diags.add(ReferenceDiagnostic.fromExpected(d)));
        return diags;
    }

    static List<ReferenceDiagnostic> actual(Iterable<Diagnostic> diags) {
        List<ReferenceDiagnostic> out = new ArrayList<>();
        if (diags != null) {
            diags.forEach(d -> out.add(ReferenceDiagnostic.fromActual(d)));
        }
        return out;
    }

    /**
     * Null when both lists hold the same diagnostics in the reference's order; otherwise a report listing the
     * diagnostics only one side has (with their positions in the sorted lists), then both sorted lists in full.
     */
    static String describe(List<ReferenceDiagnostic> expected, List<ReferenceDiagnostic> actual) {
        List<ReferenceDiagnostic> want = ReferenceDiagnostic.sorted(expected);
        List<ReferenceDiagnostic> got = ReferenceDiagnostic.sorted(actual);
        if (want.equals(got)) {
            return null;
        }
        List<ReferenceDiagnostic> missing = new ArrayList<>(want);
        List<ReferenceDiagnostic> unexpected = new ArrayList<>();
        for (ReferenceDiagnostic d : got) {
            if (!missing.remove(d)) {
                unexpected.add(d);
            }
        }
        StringBuilder out = new StringBuilder();
        out.append("expected ").append(want.size()).append(" diagnostic(s), got ").append(got.size());
        for (ReferenceDiagnostic d : missing) {
            out.append("\n    - missing:    ").append(d);
        }
        for (ReferenceDiagnostic d : unexpected) {
            out.append("\n    + unexpected: ").append(d);
        }
        if (missing.isEmpty() && unexpected.isEmpty()) {
            out.append("\n    (same diagnostics, different order)");
        }
        appendList(out, "expected", want);
        appendList(out, "actual", got);
        return out.toString();
    }

    private static void appendList(StringBuilder out, String title, List<ReferenceDiagnostic> diags) {
        final int shown = 20;
        out.append("\n  ").append(title).append(" (sorted):");
        if (diags.isEmpty()) {
            out.append(" none");
        }
        for (int i = 0; i < Math.min(shown, diags.size()); i++) {
            out.append("\n    ").append(i).append(". ").append(diags.get(i));
        }
        if (diags.size() > shown) {
            out.append("\n    ... ").append(diags.size() - shown).append(" more");
        }
    }
}
