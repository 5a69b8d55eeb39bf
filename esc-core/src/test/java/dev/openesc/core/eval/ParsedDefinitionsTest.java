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

    @Test
    void aBoundedCacheKeysOnNameAndBytesAndDropsTheLeastRecentlyUsed() {
        byte[] a = utf8("values:\n  a: 1\n");
        byte[] b = utf8("values:\n  b: 2\n");
        ParsedDefinitions definitions = ParsedDefinitions.bounded(a.length + b.length);
        Loader.Loaded firstA = definitions.load("org/a", a);
        Loader.Loaded firstB = definitions.load("org/b", b);
        assertThat(definitions.load("org/a", a.clone())).isSameAs(firstA);
        // the same bytes under another name are another definition (names appear in ranges and diagnostics)
        assertThat(definitions.load("other/a", a)).isNotSameAs(firstA);
        // that entry pushed out the least recently used one (b), not a
        assertThat(definitions.load("org/a", a)).isSameAs(firstA);
        assertThat(definitions.load("org/b", b)).isNotSameAs(firstB);
    }

    private static Object said(EvalResult r) {
        return Value.ofMap(r.environment().properties()).toJson(false) instanceof Map<?, ?> m ? m.get("said") : null;
    }
}
