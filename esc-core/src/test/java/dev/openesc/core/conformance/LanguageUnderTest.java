package dev.openesc.core.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openesc.core.syntax.Diagnostic;
import java.util.List;

/**
 * The environment language as the harness drives it: the four entry points the reference's harness calls, with
 * results already turned into the reference's JSON shapes. Keeping the harness behind this seam lets it be tested
 * on its own (a replaying fake must pass every case, a wrong one must fail), and keeps all knowledge of the
 * evaluator's Java API in one adapter ({@link OpenEscLanguage}).
 *
 * @param <D> the loaded declaration type handed from {@link #load} to the other entry points
 */
interface LanguageUnderTest<D> {

    /** Parses the root environment; {@code decl} may be null (e.g. an empty or unparsable document). */
    Loading<D> load(String name, byte[] source);

    /** Checks the environment without opening providers (secrets revealed in the result when showSecrets). */
    Outcome check(EvalCase evalCase, D decl, boolean showSecrets);

    /** Evaluates the environment, opening providers and decrypting secrets. */
    Outcome evaluate(EvalCase evalCase, D decl);

    /** Rotates the environment (all rotators, or those at {@code paths}); the outcome carries the patches. */
    Outcome rotate(EvalCase evalCase, D decl, List<String> paths);

    record Loading<D>(D decl, List<Diagnostic> diagnostics) {
        public Loading {
            diagnostics = diagnostics == null ? List.of() : List.copyOf(diagnostics);
        }
    }

    /**
     * What one run produced.
     *
     * @param environment the environment in the REST API's wire shape ({exprs, properties, schema,
     *                    executionContext}), or null when the run returned no environment
     * @param redacted    the plain JSON of the properties with secrets as "[secret]" and unknowns as "[unknown]",
     *                    or null when there is no environment
     * @param revealed    the same with secrets in clear, or null
     * @param patches     for a rotation, the patches as [{DocPath, Replacement}] (null means none)
     * @param diagnostics the run's diagnostics, in any order
     */
    record Outcome(JsonNode environment, JsonNode redacted, JsonNode revealed, JsonNode patches,
                   List<Diagnostic> diagnostics) {
        public Outcome {
            diagnostics = diagnostics == null ? List.of() : List.copyOf(diagnostics);
        }
    }
}
