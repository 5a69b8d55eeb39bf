package dev.openesc.core.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.openesc.core.conformance.CaseVerdict.Mismatch;
import dev.openesc.core.conformance.ExpectationKey.Phase;
import dev.openesc.core.conformance.LanguageUnderTest.Loading;
import dev.openesc.core.conformance.LanguageUnderTest.Outcome;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs one evaluator case the way the reference harness does (load, check, evaluate, and rotate when the overrides
 * ask for it) and compares every key of expected.json, absent keys included. Unlike the reference, which stops at
 * the first failed requirement, it runs every phase and reports every mismatch, so one run shows all that is wrong.
 *
 * <p>A key the harness does not know, or a rotate key in a case that does not rotate, is itself a mismatch: an
 * expectation is never skipped silently.
 *
 * <p>About {@code rotateJson}: the reference harness, by a slip, compared the check result against it, so the
 * reference never really verified it. The values in the corpus are the redacted JSON of the rotated environment
 * (they agree with the {@code rotate} key in every case), and that is what this harness compares them with.
 */
final class EvalCaseChecker<D> {
    /** Differences shown per key before the report is cut. */
    static final int DIFF_LINES = 12;
    /** Stack frames shown when an entry point throws. */
    static final int STACK_FRAMES = 8;

    private final LanguageUnderTest<D> language;

    EvalCaseChecker(LanguageUnderTest<D> language) {
        this.language = language;
    }

    CaseVerdict run(EvalCase evalCase) {
        List<Mismatch> mismatches = new ArrayList<>();
        Map<ExpectationKey, JsonNode> expected = readKeys(evalCase, mismatches);

        Loading<D> loading;
        try {
            loading = language.load(evalCase.environmentName(), evalCase.source());
        } catch (RuntimeException | Error e) {
            mismatches.add(new Mismatch("load", threw("load", e)));
            return new CaseVerdict(evalCase.folder(), mismatches);
        }
        compareDiagnostics(ExpectationKey.LOAD_DIAGS, expected, loading.diagnostics(), mismatches);

        D decl = loading.decl();
        runPhase(Phase.CHECK, expected, mismatches,
                () -> language.check(evalCase, decl, evalCase.overrides().showSecrets()));
        runPhase(Phase.EVAL, expected, mismatches, () -> language.evaluate(evalCase, decl));
        if (evalCase.overrides().rotate()) {
            runPhase(Phase.ROTATE, expected, mismatches,
                    () -> language.rotate(evalCase, decl, evalCase.overrides().rotatePaths()));
        }
        return new CaseVerdict(evalCase.folder(), mismatches);
    }

    /** The known keys of expected.json; unknown keys and rotate keys of a non-rotating case become mismatches. */
    private static Map<ExpectationKey, JsonNode> readKeys(EvalCase evalCase, List<Mismatch> mismatches) {
        Map<ExpectationKey, JsonNode> keys = new EnumMap<>(ExpectationKey.class);
        evalCase.expected().fields().forEachRemaining(field -> {
            var key = ExpectationKey.byJsonName(field.getKey());
            if (key.isEmpty()) {
                mismatches.add(new Mismatch(field.getKey(),
                        "unknown expectation key: this harness does not compare it, so the case cannot pass"));
            } else if (key.get().phase() == Phase.ROTATE && !evalCase.overrides().rotate()) {
                mismatches.add(new Mismatch(field.getKey(),
                        "rotate expectation in a case whose overrides do not ask for a rotation"));
            } else {
                keys.put(key.get(), field.getValue());
            }
        });
        return keys;
    }

    private void runPhase(Phase phase, Map<ExpectationKey, JsonNode> expected, List<Mismatch> mismatches,
                          Supplier<Outcome> run) {
        String name = phase.name().toLowerCase(java.util.Locale.ROOT);
        Outcome outcome;
        try {
            outcome = run.get();
        } catch (RuntimeException | Error e) {
            mismatches.add(new Mismatch(name, threw(name, e)));
            return;
        }
        if (outcome == null) {
            mismatches.add(new Mismatch(name, name + " returned no outcome (null)"));
            return;
        }
        for (ExpectationKey key : ExpectationKey.values()) {
            if (key.phase() != phase) {
                continue;
            }
            switch (key.kind()) {
                case ENVIRONMENT -> compareValue(key, expected.get(key), outcome.environment(), mismatches);
                case REDACTED_JSON -> compareValue(key, expected.get(key), outcome.redacted(), mismatches);
                case REVEALED_JSON -> compareValue(key, expected.get(key), outcome.revealed(), mismatches);
                case DIAGNOSTICS -> compareDiagnostics(key, expected, outcome.diagnostics(), mismatches);
                case PATCHES -> comparePatches(key, expected.get(key), outcome.patches(), mismatches);
            }
        }
    }

    /** An environment or values key: absent in expected.json means the run must return no environment. */
    private static void compareValue(ExpectationKey key, JsonNode expected, JsonNode actual, List<Mismatch> out) {
        boolean expectNothing = expected == null;
        boolean gotNothing = actual == null || actual.isMissingNode();
        if (expectNothing && gotNothing) {
            return;
        }
        if (expectNothing) {
            out.add(new Mismatch(key.jsonName(), "key absent, so the reference returned no environment, got "
                    + JsonTrees.snippet(actual)));
        } else if (gotNothing) {
            out.add(new Mismatch(key.jsonName(), "expected " + JsonTrees.snippet(expected)
                    + ", got no environment (null)"));
        } else {
            String diff = JsonDiff.describe(expected, actual, DIFF_LINES);
            if (diff != null) {
                out.add(new Mismatch(key.jsonName(), diff));
            }
        }
    }

    private static void comparePatches(ExpectationKey key, JsonNode expected, JsonNode actual, List<Mismatch> out) {
        JsonNode want = expected == null ? JsonNodeFactory.instance.arrayNode() : expected;
        JsonNode got = actual == null ? JsonNodeFactory.instance.arrayNode() : actual;
        String diff = JsonDiff.describe(want, got, DIFF_LINES);
        if (diff != null) {
            out.add(new Mismatch(key.jsonName(), diff));
        }
    }

    private static void compareDiagnostics(ExpectationKey key, Map<ExpectationKey, JsonNode> expected,
                                           List<dev.openesc.core.syntax.Diagnostic> actual, List<Mismatch> out) {
        List<ReferenceDiagnostic> want;
        try {
            want = DiagnosticsComparison.expected(expected.get(key));
        } catch (IllegalArgumentException e) {
            out.add(new Mismatch(key.jsonName(), "cannot use the expectation: " + e.getMessage()));
            return;
        }
        String diff = DiagnosticsComparison.describe(want, DiagnosticsComparison.actual(actual));
        if (diff != null) {
            out.add(new Mismatch(key.jsonName(), diff));
        }
    }

    /**
     * An exception from an entry point, with the top of its stack down to the harness (the frames of the code under
     * test, at most {@link #STACK_FRAMES}): a bug to fix, reported as such.
     */
    static String threw(String entryPoint, Throwable e) {
        StringBuilder out = new StringBuilder(entryPoint).append(" threw ").append(e);
        StackTraceElement[] frames = e.getStackTrace();
        for (int i = 0; i < Math.min(STACK_FRAMES, frames.length); i++) {
            out.append("\n      at ").append(frames[i]);
            if (frames[i].getClassName().startsWith(EvalCaseChecker.class.getPackageName() + ".")) {
                break;
            }
        }
        if (e.getCause() != null) {
            out.append("\n    caused by ").append(e.getCause());
        }
        return out.toString();
    }
}
