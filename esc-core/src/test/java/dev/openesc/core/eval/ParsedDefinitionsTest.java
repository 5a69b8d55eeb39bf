package dev.openesc.core.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openesc.core.conformance.TestProviders;
import dev.openesc.core.provider.EnvironmentLoader;
import dev.openesc.core.value.ExecContext;
import dev.openesc.core.value.Value;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ParsedDefinitionsTest {
    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void passesOfOneRequestShareParsedImportsAndSeeChangedDefinitions() {
        Map<String, byte[]> docs = new HashMap<>();
        docs.put("base", utf8("values:\n  greeting: hello\n"));
        AtomicInteger loads = new AtomicInteger();
        EnvironmentLoader environments = name -> {
            loads.incrementAndGet();
            return new EnvironmentLoader.LoadedEnvironment(docs.get(name), c -> c);
        };
        Loader.Loaded root = Loader.load("root", utf8("imports:\n  - base\nvalues:\n  said: ${greeting} world\n"));
        ParsedDefinitions definitions = new ParsedDefinitions();
        EvalRequest req = new EvalRequest("root", root.decl(), c -> c, new TestProviders(), environments,
                ExecContext.of(Map.of()), definitions);

        assertThat(Evaluator.check(req, false).diagnostics().asList()).isEmpty();
        Loader.Loaded firstParse = definitions.load("base", docs.get("base"));
        assertThat(said(Evaluator.evaluate(req))).isEqualTo("hello world");
        // the same bytes: the same parse, not a new one
        assertThat(definitions.load("base", docs.get("base").clone())).isSameAs(firstParse);

        // a definition changed between passes is parsed again, never served stale
        docs.put("base", utf8("values:\n  greeting: bye\n"));
        assertThat(said(Evaluator.evaluate(req))).isEqualTo("bye world");
        assertThat(definitions.load("base", docs.get("base"))).isNotSameAs(firstParse);
        assertThat(loads.get()).isEqualTo(3);
    }

    private static Object said(EvalResult r) {
        return Value.ofMap(r.environment().properties()).toJson(false) instanceof Map<?, ?> m ? m.get("said") : null;
    }
}
