package dev.openesc.core.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openesc.core.provider.EnvironmentLoader;
import dev.openesc.core.provider.Provider;
import dev.openesc.core.provider.ProviderException;
import dev.openesc.core.provider.ProviderLoader;
import dev.openesc.core.provider.Rotator;
import dev.openesc.core.schema.Schema;
import dev.openesc.core.syntax.Diagnostic;
import dev.openesc.core.value.ExecContext;
import dev.openesc.core.value.Value;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A provider or rotator that is broken (unusable schemas) or fails when called is reported on the call, as an
 * internal error unless it failed with a {@link ProviderException}; the value is then unknown.
 */
class ProviderFailureTest {
    private static final Schema ANY = Schema.always();

    /** A fresh schema that does not compile (a schema reports its error only the first time it is compiled). */
    private static Schema invalid() {
        return Schema.string().pattern("(").build();
    }

    /** Opens and rotates by throwing {@code failure}; without one, opens to an empty object. */
    record Broken(Schema inputSchema, Schema stateSchema, Schema outputSchema, Exception failure)
            implements Provider, Rotator {
        @Override
        public Value open(Map<String, Value> inputs, ExecContext context) throws ProviderException {
            return fail();
        }

        @Override
        public Value open(Map<String, Value> inputs, Map<String, Value> state, ExecContext context) {
            return Value.ofMap(Map.of());
        }

        @Override
        public Value rotate(Map<String, Value> inputs, Map<String, Value> state, ExecContext context)
                throws ProviderException {
            return fail();
        }

        private Value fail() throws ProviderException {
            if (failure instanceof ProviderException p) {
                throw p;
            }
            if (failure != null) {
                throw (RuntimeException) failure;
            }
            return Value.ofMap(Map.of());
        }
    }

    private static List<String> diagnostics(Broken broken, String yaml, boolean rotate) {
        ProviderLoader loader = new ProviderLoader() {
            @Override
            public Provider loadProvider(String name) {
                return broken;
            }

            @Override
            public Rotator loadRotator(String name) {
                return broken;
            }
        };
        Loader.Loaded loaded = Loader.load("test", yaml.getBytes(StandardCharsets.UTF_8));
        EvalRequest request = new EvalRequest("test", loaded.decl(), c -> c, loader, EnvironmentLoader.none(),
                ExecContext.of(Map.of()));
        RotateResult rotated = rotate ? Evaluator.rotate(request, List.of()) : null;
        EvalResult result = rotated == null ? Evaluator.evaluate(request)
                : new EvalResult(rotated.environment(), rotated.diagnostics());
        if (broken.failure() != null) {
            assertThat(result.environment().properties().get("x").unknown()).as("value of a failed call").isTrue();
        }
        return result.diagnostics().asList().stream().map(Diagnostic::summary).toList();
    }

    private static final String OPEN = "values:\n  x:\n    fn::open::broken: {}\n";
    private static final String ROTATE = "values:\n  x:\n    fn::rotate::broken:\n      inputs: {}\n      state: {}\n";

    @Test
    void schemasThatDoNotCompileAreInternalErrors() {
        assertThat(diagnostics(new Broken(invalid(), ANY, invalid(), null), OPEN, false)).containsExactly(
                "internal error: invalid input schema (error parsing regexp: Unclosed group: `(`)",
                "internal error: invalid schema (error parsing regexp: Unclosed group: `(`)");
        assertThat(diagnostics(new Broken(ANY, invalid(), ANY, null), ROTATE, false)).containsExactly(
                "internal error: invalid state schema (error parsing regexp: Unclosed group: `(`)");
    }

    @Test
    void providerExceptionsAreReportedAsTheyAre() {
        assertThat(diagnostics(new Broken(ANY, ANY, ANY, new ProviderException("denied")), OPEN, false))
                .containsExactly("denied");
        assertThat(diagnostics(new Broken(ANY, ANY, ANY, new ProviderException("denied")), ROTATE, true))
                .containsExactly("rotate: denied");
    }

    @Test
    void otherFailuresAreInternalErrors() {
        assertThat(diagnostics(new Broken(ANY, ANY, ANY, new IllegalStateException("boom")), OPEN, false))
                .containsExactly("internal error: boom");
        assertThat(diagnostics(new Broken(ANY, ANY, ANY, new IllegalStateException("boom")), ROTATE, true))
                .containsExactly("rotate: internal error: boom");
    }
}
