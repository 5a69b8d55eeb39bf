package dev.openesc.core.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openesc.core.provider.EnvironmentLoadException;
import dev.openesc.core.provider.EnvironmentLoader;
import dev.openesc.core.provider.ProviderLoader;
import dev.openesc.core.value.ExecContext;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/** Large and pathological inputs end in results or diagnostics, in reasonable time and memory. */
class EvaluatorLimitsTest {
    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static EnvironmentLoader envs(Map<String, String> defs) {
        return name -> {
            String def = defs.get(name);
            if (def == null) {
                throw new EnvironmentLoadException("environment " + name + " not found");
            }
            return new EnvironmentLoader.LoadedEnvironment(utf8(def), c -> c);
        };
    }

    private static EvalResult eval(String yaml, EnvironmentLoader envs) {
        Loader.Loaded loaded = Loader.load("root", utf8(yaml));
        EvalRequest req = new EvalRequest("root", loaded.decl(), c -> c, ProviderLoader.none(), envs,
                ExecContext.empty());
        EvalResult r = Evaluator.evaluate(req);
        if (loaded.decl() == null) {
            assertThat(loaded.diagnostics().hasErrors()).isTrue();
        }
        return r;
    }

    private static String repeat(int n, IntFunction<String> line) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(line.apply(i));
        }
        return b.toString();
    }

    @Test
    void manyValuesEvaluateQuickly() {
        // 100,000 values: half literals, half references to them
        int n = 50_000;
        String yaml = "values:\n" + repeat(n, i -> "  k" + i + ": v" + i + "\n  r" + i + ": ${k" + i + "}\n");
        long t0 = System.nanoTime();
        EvalResult r = eval(yaml, envs(Map.of()));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(r.diagnostics().hasErrors()).isFalse();
        assertThat(r.environment().properties()).hasSize(2 * n);
        assertThat(r.environment().properties().get("r7").value()).isEqualTo("v7");
        System.out.println("100k values: " + ms + " ms");
    }

    @Test
    void longReferenceChain() {
        int n = 100_000;
        String yaml = "values:\n" + repeat(n, i -> "  k" + i + ": ${k" + (i + 1) + "}\n") + "  k" + n + ": end\n";
        EvalResult r = eval(yaml, envs(Map.of()));
        assertThat(r.environment().properties().get("k0").value()).isEqualTo("end");
    }

    @Test
    void deepNesting() {
        int n = 100_000;
        String yaml = "values:\n  a: " + "[".repeat(n) + "]".repeat(n) + "\n";
        EvalResult r = eval(yaml, envs(Map.of()));
        assertThat(r).isNotNull();
    }

    @Test
    void manyImports() {
        int n = 10_000;
        Map<String, String> defs = new HashMap<>();
        for (int i = 0; i < n; i++) {
            defs.put("e" + i, "values:\n  k" + i + ": " + i + "\n  shared: " + i + "\n");
        }
        String yaml = "imports:\n" + repeat(n, i -> "  - e" + i + "\n") + "values:\n  top: ${shared}\n";
        long t0 = System.nanoTime();
        EvalResult r = eval(yaml, envs(defs));
        System.out.println("10k imports: " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        assertThat(r.diagnostics().hasErrors()).isFalse();
        assertThat(r.environment().properties()).hasSize(n + 2);
        // "shared" is overridden by every import: its trace is a 10,000-long chain of bases
        assertThat(dev.openesc.core.value.WireJson.toJson(r.environment())).contains("\"shared\"");
    }

    @Test
    void longImportCycle() {
        int n = 1_000;
        Map<String, String> defs = new HashMap<>();
        for (int i = 0; i < n; i++) {
            defs.put("e" + i, "imports:\n  - e" + ((i + 1) % n) + "\nvalues:\n  k" + i + ": " + i + "\n");
        }
        EvalResult r = eval("imports:\n  - e0\n", envs(defs));
        assertThat(r.diagnostics().asList()).anyMatch(d -> d.summary().equals("cyclic import of e0"));
    }
}
