package dev.openesc.core.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.openesc.core.syntax.Diagnostic;
import dev.openesc.core.syntax.Range;
import dev.openesc.core.syntax.Severity;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * A stand-in language for testing the harness itself: every entry point answers with what the case's expected.json
 * says the reference produced. The keys named in {@code corrupt} are answered wrongly instead (a value wrapped in
 * an extra object, or something where the reference had nothing; one diagnostic or patch too many). Uncorrupted,
 * every case must pass; with any one key corrupted, the case must fail.
 */
class ReplayLanguage implements LanguageUnderTest<EvalCase> {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final EvalCase evalCase;
    private final Set<ExpectationKey> corrupt;

    ReplayLanguage(EvalCase evalCase, Set<ExpectationKey> corrupt) {
        this.evalCase = evalCase;
        this.corrupt = Set.copyOf(corrupt);
    }

    ReplayLanguage(EvalCase evalCase) {
        this(evalCase, Set.of());
    }

    @Override
    public Loading<EvalCase> load(String name, byte[] source) {
        return new Loading<>(evalCase, diagnostics(ExpectationKey.LOAD_DIAGS));
    }

    @Override
    public Outcome check(EvalCase c, EvalCase decl, boolean showSecrets) {
        return new Outcome(value(ExpectationKey.CHECK), value(ExpectationKey.CHECK_JSON), null, null,
                diagnostics(ExpectationKey.CHECK_DIAGS));
    }

    @Override
    public Outcome evaluate(EvalCase c, EvalCase decl) {
        return new Outcome(value(ExpectationKey.EVAL), value(ExpectationKey.EVAL_JSON_REDACTED),
                value(ExpectationKey.EVAL_JSON_REVEALED), null, diagnostics(ExpectationKey.EVAL_DIAGS));
    }

    @Override
    public Outcome rotate(EvalCase c, EvalCase decl, List<String> paths) {
        JsonNode patches = value(ExpectationKey.ROTATE_PATCHES);
        if (corrupt.contains(ExpectationKey.ROTATE_PATCHES)) {
            patches = JSON.arrayNode().add(JSON.objectNode().put("DocPath", "values.extra"));
            JsonNode expected = evalCase.expected().get(ExpectationKey.ROTATE_PATCHES.jsonName());
            if (expected != null) {
                ((com.fasterxml.jackson.databind.node.ArrayNode) patches).addAll(
                        (com.fasterxml.jackson.databind.node.ArrayNode) expected.deepCopy());
            }
        }
        return new Outcome(value(ExpectationKey.ROTATE), value(ExpectationKey.ROTATE_JSON), null, patches,
                diagnostics(ExpectationKey.ROTATE_DIAGS));
    }

    private JsonNode value(ExpectationKey key) {
        JsonNode node = evalCase.expected().get(key.jsonName());
        JsonNode copy = node == null ? null : node.deepCopy();
        if (!corrupt.contains(key) || key == ExpectationKey.ROTATE_PATCHES) {
            return copy;
        }
        return copy == null ? JSON.objectNode() : JSON.objectNode().set("corrupted", copy);
    }

    private List<Diagnostic> diagnostics(ExpectationKey key) {
        List<Diagnostic> out = new ArrayList<>();
        for (ReferenceDiagnostic d : DiagnosticsComparison.expected(evalCase.expected().get(key.jsonName()))) {
            out.add(toDiagnostic(d));
        }
        if (corrupt.contains(key)) {
            out.add(Diagnostic.error(null, "an extra diagnostic", ""));
        }
        // Reversed, to prove that the harness sorts rather than relying on the order it is given.
        Collections.reverse(out);
        return out;
    }

    static Diagnostic toDiagnostic(ReferenceDiagnostic d) {
        Severity severity = d.severity() == 1 ? Severity.ERROR : Severity.WARNING;
        Range subject = d.subject() == null ? null
                : new Range(d.subject().filename(), d.subject().start(), d.subject().end());
        return new Diagnostic(severity, d.summary(), "", subject, d.path());
    }
}
