package dev.openesc.core.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openesc.core.conformance.TestProviders;
import dev.openesc.core.provider.EnvironmentLoader;
import dev.openesc.core.provider.ProviderLoader;
import dev.openesc.core.syntax.Diagnostic;
import dev.openesc.core.value.ExecContext;
import dev.openesc.core.value.Value;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** End-to-end behaviour of the public entry points on small documents. */
class EvaluatorTest {
    /** The reference harness's providers: fn::open::test returns its inputs. */
    private static final ProviderLoader PROVIDERS = new TestProviders();

    private static EvalRequest request(String yaml) {
        Loader.Loaded loaded = Loader.load("test", yaml.getBytes(StandardCharsets.UTF_8));
        return new EvalRequest("test", loaded.decl(), c -> c, PROVIDERS, EnvironmentLoader.none(),
                ExecContext.of(Map.of()));
    }

    private static Object json(EvalResult r, boolean redact) {
        return Value.ofMap(r.environment().properties()).toJson(redact);
    }

    @Test
    void checkLeavesProvidersUnopenedAndEvaluateOpensThem() {
        String yaml = "values:\n  x:\n    fn::open::test:\n      a: 1\n  y: ${x.a}\n";
        assertThat(json(Evaluator.check(request(yaml), false), true))
                .isEqualTo(Map.of("x", "[unknown]", "y", "[unknown]"));
        EvalResult r = Evaluator.evaluate(request(yaml));
        assertThat(r.diagnostics().hasErrors()).isFalse();
        assertThat(Value.ofMap(r.environment().properties()).toJsonString(true)).isEqualTo("{\"x\":{\"a\":1},\"y\":1}");
    }

    @Test
    void unknownProviderIsADiagnostic() {
        EvalResult r = Evaluator.evaluate(request("values:\n  x:\n    fn::open::nope: {}\n"));
        assertThat(r.diagnostics().asList()).extracting(Diagnostic::summary).containsExactly("unknown provider \"nope\"");
        assertThat(json(r, true)).isEqualTo(Map.of("x", "[unknown]"));
    }

    @Test
    void secretsPropagateThroughInterpolation() {
        EvalResult r = Evaluator.evaluate(request("values:\n  s:\n    fn::secret: pw\n  t: user:${s}\n"));
        assertThat(json(r, true)).isEqualTo(Map.of("s", "[secret]", "t", "[secret]"));
        assertThat(json(r, false)).isEqualTo(Map.of("s", "pw", "t", "user:pw"));
    }

    @Test
    void validateChecksValuesAgainstASchema() {
        String ok = "values:\n  v:\n    fn::validate:\n      schema: {type: string}\n      value: hello\n";
        EvalResult r = Evaluator.evaluate(request(ok));
        assertThat(r.diagnostics().hasErrors()).isFalse();
        assertThat(json(r, true)).isEqualTo(Map.of("v", "hello"));

        String bad = "values:\n  v:\n    fn::validate:\n      schema: {type: string}\n      value: 42\n";
        r = Evaluator.evaluate(request(bad));
        assertThat(r.diagnostics().asList()).extracting(Diagnostic::summary)
                .containsExactly("expected string, got number");
        assertThat(json(r, true)).isEqualTo(Map.of("v", "[unknown]"));
    }

    @Test
    void emptyDocumentsHaveNothingToEvaluate() {
        assertThat(Evaluator.evaluate(request("values: {}\n")).environment()).isNull();
    }

    @Test
    void rotateWithoutRotatorsProducesNoPatches() {
        RotateResult r = Evaluator.rotate(request("values:\n  a: 1\n"), java.util.List.of());
        assertThat(r.patches()).isEmpty();
        assertThat(r.environment().properties()).containsKey("a");
    }

    @Test
    void aDiamondImportMergesEachSideOverTheSameSharedValueWithoutChangingIt() {
        // common is evaluated once and its value merged under left, under right and (last) under the root: merging
        // left's or right's overrides over it must not leak into what the others see
        Map<String, String> docs = Map.of(
                "common", "values:\n  a:\n    x: 1\n  plain: p\n",
                "left", "imports:\n  - common\nvalues:\n  a:\n    y: 2\n",
                "right", "imports:\n  - common\nvalues:\n  a:\n    x: 3\n");
        EnvironmentLoader environments = name -> new EnvironmentLoader.LoadedEnvironment(
                docs.get(name).getBytes(StandardCharsets.UTF_8), c -> c);
        String root = "imports:\n  - left\n  - right\n  - common\nvalues:\n  common: ${imports.common.a}\n"
                + "  left: ${imports.left.a}\n  right: ${imports.right.a}\n";
        Loader.Loaded loaded = Loader.load("root", root.getBytes(StandardCharsets.UTF_8));
        EvalResult r = Evaluator.evaluate(new EvalRequest("root", loaded.decl(), c -> c, PROVIDERS, environments,
                ExecContext.of(Map.of())));
        assertThat(r.diagnostics().asList()).isEmpty();
        assertThat(Value.ofMap(r.environment().properties()).toJsonString(true)).isEqualTo(
                "{\"a\":{\"x\":1,\"y\":2},\"common\":{\"x\":1},\"left\":{\"x\":1,\"y\":2},"
                        + "\"plain\":\"p\",\"right\":{\"x\":3}}");
    }

    @Test
    void anObjectMergedFromManyImportsKeepsEveryLevelsPropertiesAndOverrides() {
        // six imports each add a key to "shared" and two of them override k1: deep enough that exporting reads the
        // merged levels in one walk of the chain instead of key by key
        Map<String, String> docs = new java.util.HashMap<>();
        for (int i = 1; i <= 6; i++) {
            String override = i == 3 || i == 5 ? "    k1: from" + i + "\n" : "";
            docs.put("e" + i, "values:\n  shared:\n    k" + i + ": " + i + "\n" + override);
        }
        EnvironmentLoader environments = name -> new EnvironmentLoader.LoadedEnvironment(
                docs.get(name).getBytes(StandardCharsets.UTF_8), c -> c);
        String root = "imports: [e1, e2, e3, e4, e5, e6]\nvalues:\n  shared:\n    k4: top\n";
        Loader.Loaded loaded = Loader.load("root", root.getBytes(StandardCharsets.UTF_8));
        EvalResult r = Evaluator.evaluate(new EvalRequest("root", loaded.decl(), c -> c, PROVIDERS, environments,
                ExecContext.of(Map.of())));
        assertThat(r.diagnostics().asList()).isEmpty();
        Value shared = r.environment().properties().get("shared");
        assertThat(shared.toJsonString(true)).isEqualTo(
                "{\"k1\":\"from5\",\"k2\":2,\"k3\":3,\"k4\":\"top\",\"k5\":5,\"k6\":6}");
        // the trace's bases are the levels below: e6's merge, then e5's (which set k1), ...
        Value e6 = shared.trace().base();
        assertThat(e6.toJsonString(true)).isEqualTo(
                "{\"k1\":\"from5\",\"k2\":2,\"k3\":3,\"k4\":4,\"k5\":5,\"k6\":6}");
        Value e4 = e6.trace().base().trace().base();
        assertThat(e4.toJsonString(true)).isEqualTo("{\"k1\":\"from3\",\"k2\":2,\"k3\":3,\"k4\":4}");
    }
}
