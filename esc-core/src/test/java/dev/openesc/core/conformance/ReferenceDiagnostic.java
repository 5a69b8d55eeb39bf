package dev.openesc.core.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openesc.core.syntax.Diagnostic;
import dev.openesc.core.syntax.Pos;
import dev.openesc.core.syntax.Range;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * A diagnostic reduced to the fields the conformance corpus pins down, in the reference's terms: severity code
 * (1 error, 2 warning), summary, subject (file name, start and end line/column/byte; null when the diagnostic has
 * none) and document path. The reference also serialises Detail, Context, Expression, EvalContext and Extra;
 * those are empty in every case, and {@link #fromExpected} refuses a case where they are not, so that nothing the
 * corpus expects goes unchecked.
 */
record ReferenceDiagnostic(int severity, String summary, Subject subject, String path) {

    /** The reference's {@code hcl.Range}. */
    record Subject(String filename, Pos start, Pos end) {}

    private static final Set<String> FIELDS = Set.of(
            "Severity", "Summary", "Detail", "Subject", "Context", "Expression", "EvalContext", "Extra", "Path");

    /**
     * The reference's sort: diagnostics without a subject first (by summary), then by file name, start line and
     * start column. Ties are broken by the remaining fields so that both sides have one canonical order: the
     * reference's own sort is not stable, so the order of tied diagnostics in expected.json means nothing.
     */
    static final Comparator<ReferenceDiagnostic> ORDER = Comparator
            .comparing((ReferenceDiagnostic d) -> d.subject() != null)
            .thenComparing(d -> d.subject() == null ? d.summary() : "")
            .thenComparing(d -> d.subject() == null ? "" : d.subject().filename())
            .thenComparingInt(d -> d.subject() == null ? 0 : d.subject().start().line())
            .thenComparingInt(d -> d.subject() == null ? 0 : d.subject().start().column())
            .thenComparing(ReferenceDiagnostic::toString);

    static ReferenceDiagnostic fromActual(Diagnostic d) {
        Range r = d.subject();
        Subject subject = r == null ? null : new Subject(r.filename() == null ? "" : r.filename(), r.start(), r.end());
        return new ReferenceDiagnostic(d.severity().code(), d.summary(), subject, d.path());
    }

    /** Reads one diagnostic of expected.json; fails if it carries a field this harness does not compare. */
    static ReferenceDiagnostic fromExpected(JsonNode json) {
        if (!json.isObject()) {
            throw new IllegalArgumentException("a diagnostic must be an object: " + JsonTrees.snippet(json));
        }
        json.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) {
                throw new IllegalArgumentException("unknown diagnostic field " + name + " in " + JsonTrees.snippet(json));
            }
        });
        requireEmpty(json, "Detail");
        for (String ignored : List.of("Context", "Expression", "EvalContext", "Extra")) {
            JsonNode value = json.get(ignored);
            if (value != null && !value.isNull()) {
                throw new IllegalArgumentException("diagnostic field " + ignored
                        + " is set, and this harness does not compare it: " + JsonTrees.snippet(json));
            }
        }
        JsonNode subject = json.get("Subject");
        return new ReferenceDiagnostic(
                json.path("Severity").asInt(-1),
                json.path("Summary").asText(),
                subject == null || subject.isNull() ? null : new Subject(
                        subject.path("Filename").asText(), pos(subject.path("Start")), pos(subject.path("End"))),
                json.path("Path").asText(""));
    }

    private static void requireEmpty(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value != null && !value.isNull() && !value.asText().isEmpty()) {
            throw new IllegalArgumentException("diagnostic field " + field
                    + " is set, and this harness does not compare it: " + JsonTrees.snippet(json));
        }
    }

    private static Pos pos(JsonNode json) {
        return new Pos(json.path("Line").asInt(), json.path("Column").asInt(), json.path("Byte").asInt());
    }

    static List<ReferenceDiagnostic> sorted(List<ReferenceDiagnostic> diags) {
        List<ReferenceDiagnostic> copy = new ArrayList<>(diags);
        copy.sort(ORDER);
        return copy;
    }

    /** One line a person reads: {@code error file 3:5-3:9 (bytes 20-24) at values.x: summary}. */
    @Override
    public String toString() {
        String level = switch (severity) {
            case 1 -> "error";
            case 2 -> "warning";
            default -> "severity " + severity;
        };
        StringBuilder out = new StringBuilder(level);
        if (subject == null) {
            out.append(" (no subject)");
        } else {
            out.append(' ').append(JsonTrees.quote(subject.filename())).append(' ')
                    .append(subject.start().line()).append(':').append(subject.start().column()).append('-')
                    .append(subject.end().line()).append(':').append(subject.end().column())
                    .append(" (bytes ").append(subject.start().byteOffset()).append('-')
                    .append(subject.end().byteOffset()).append(')');
        }
        if (path != null && !path.isEmpty()) {
            out.append(" at ").append(path);
        }
        return out.append(": ").append(JsonTrees.quote(summary)).toString();
    }
}
