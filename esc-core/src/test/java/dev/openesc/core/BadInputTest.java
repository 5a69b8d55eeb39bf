package dev.openesc.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openesc.core.eval.EvalRequest;
import dev.openesc.core.eval.EvalResult;
import dev.openesc.core.eval.Evaluator;
import dev.openesc.core.eval.Loader;
import dev.openesc.core.provider.EnvironmentLoadException;
import dev.openesc.core.provider.EnvironmentLoader;
import dev.openesc.core.provider.ProviderLoader;
import dev.openesc.core.syntax.Diagnostic;
import dev.openesc.core.syntax.encoding.DecodeOptions;
import dev.openesc.core.value.ExecContext;
import dev.openesc.core.value.Value;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Hostile and broken definitions driven through the public pipeline a server uses: {@link Loader#load}, then
 * {@link Evaluator#check} and {@link Evaluator#evaluate} with an {@link EnvironmentLoader} over generated documents.
 * Each must end in diagnostics that say where the problem is, never in an exception (any exception fails the test
 * where it is thrown).
 *
 * <p>Diagnostics are compared as {@code summary @ file:line:column}. YAML-level errors carry no range, as in the
 * reference: their position is part of the summary text ({@code yaml: line 2: ...}), worded like the reference's YAML
 * library, which names only the line for syntax errors.
 */
class BadInputTest {
    private static final String ROOT = "root";

    /** The three steps' diagnostics and the evaluated environment's properties (null when there is none). */
    private record Outcome(List<String> load, List<String> check, List<String> evaluate,
            Map<String, Value> properties) {}

    private static Outcome run(byte[] root, Map<String, String> others) {
        return run(Loader.load(ROOT, root), others);
    }

    private static Outcome run(Loader.Loaded loaded, Map<String, String> others) {
        EnvironmentLoader environments = name -> {
            String def = others.get(name);
            if (def == null) {
                throw new EnvironmentLoadException("environment \"" + name + "\" not found");
            }
            return new EnvironmentLoader.LoadedEnvironment(utf8(def), ciphertext -> ciphertext);
        };
        EvalRequest req = new EvalRequest(ROOT, loaded.decl(), ciphertext -> ciphertext, ProviderLoader.none(),
                environments, ExecContext.empty());
        EvalResult checked = Evaluator.check(req, false);
        EvalResult evaluated = Evaluator.evaluate(req);
        return new Outcome(describe(loaded.diagnostics().asList()), describe(checked.diagnostics().asList()),
                describe(evaluated.diagnostics().asList()),
                evaluated.environment() == null ? null : evaluated.environment().properties());
    }

    private static List<String> describe(List<Diagnostic> diags) {
        return diags.stream().map(BadInputTest::describe).toList();
    }

    private static String describe(Diagnostic d) {
        if (d.subject() == null) {
            return d.summary();
        }
        return d.summary() + " @ " + d.subject().filename() + ":" + d.subject().start().line() + ":"
                + d.subject().start().column();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String lines(int n, IntFunction<String> line) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(line.apply(i)).append('\n');
        }
        return b.toString();
    }

    /** A definition that could not be read yields its one YAML diagnostic, and nothing to evaluate. */
    private static void assertRefused(Outcome o, String summary) {
        assertThat(o.load()).containsExactly(summary);
        assertThat(o.check()).isEmpty();
        assertThat(o.evaluate()).isEmpty();
        assertThat(o.properties()).isNull();
    }

    @Test
    void invalidUtf8NamesTheLineColumnAndByte() {
        ByteArrayOutputStream doc = new ByteArrayOutputStream();
        doc.writeBytes(utf8("values:\n  a: "));
        doc.writeBytes(new byte[] {(byte) 0xC3, '('});
        doc.writeBytes(utf8("\n"));
        assertRefused(run(doc.toByteArray(), Map.of()),
                "yaml: line 2, column 6 (byte 13): invalid trailing UTF-8 octet");
    }

    @Test
    void tabIndentationIsASyntaxErrorButTabsInsideValuesAreText() {
        assertRefused(run(utf8("values:\n\tfoo: bar\n"), Map.of()),
                "yaml: line 2: found character that cannot start any token");

        Outcome ok = run(utf8("values:\n  foo:\tbar\n  quoted: \"a\\tb\"\n"), Map.of());
        assertThat(ok.load()).isEmpty();
        assertThat(ok.evaluate()).isEmpty();
        assertThat(ok.properties().get("foo").value()).isEqualTo("bar");
        assertThat(ok.properties().get("quoted").value()).isEqualTo("a\tb");
    }

    @Test
    void unterminatedFlowCollections() {
        assertRefused(run(utf8("values:\n  a: [1, 2\n"), Map.of()),
                "yaml: line 1: did not find expected ',' or ']'");
        assertRefused(run(utf8("values:\n  a: {b: 1\n"), Map.of()),
                "yaml: line 1: did not find expected ',' or '}'");
    }

    @Test
    void hundredThousandLevelsOfNestingAreRefusedWithoutStackOverflow() {
        int depth = 100_000;
        assertRefused(run(utf8("values:\n  a: " + "[".repeat(depth) + "]".repeat(depth) + "\n"), Map.of()),
                "yaml: line 2, column 1004: nesting is deeper than the limit of 1000 levels");

        // block sequences nest on one line: "- - - x" is a list in a list in a list
        assertRefused(run(utf8("values:\n  a:\n    " + "- ".repeat(depth) + "x\n"), Map.of()),
                "yaml: line 3, column 2001: nesting is deeper than the limit of 1000 levels");
    }

    @Test
    void nestingJustUnderTheLimitIsEvaluated() {
        int depth = 990;
        Outcome o = run(utf8("values:\n  a: " + "[".repeat(depth) + "x" + "]".repeat(depth) + "\n"), Map.of());
        assertThat(o.load()).isEmpty();
        assertThat(o.check()).isEmpty();
        assertThat(o.evaluate()).isEmpty();
        Value v = o.properties().get("a");
        for (int i = 0; i < depth; i++) {
            v = v.asList().get(0);
        }
        assertThat(v.value()).isEqualTo("x");
    }

    @Test
    void fiftyMegabyteDocumentIsRefusedBeforeParsing() {
        byte[] doc = new byte[50 * 1024 * 1024];
        Arrays.fill(doc, (byte) '#');
        doc[doc.length - 1] = '\n';
        assertRefused(run(doc, Map.of()),
                "yaml: document is 52428800 bytes, larger than the limit of 16777216 bytes");
    }

    @Test
    void theSizeLimitIsConfigurable() {
        byte[] doc = utf8("values:\n" + lines(100, i -> "  key" + i + ": value " + i));
        Loader.Loaded small = Loader.load(ROOT, doc, new DecodeOptions(1024, DecodeOptions.DEFAULT_MAX_DEPTH));
        assertRefused(run(small, Map.of()),
                "yaml: document is " + doc.length + " bytes, larger than the limit of 1024 bytes");

        Loader.Loaded shallow = Loader.load(ROOT, utf8("values:\n  a: [[[1]]]\n"), new DecodeOptions(1024, 3));
        assertRefused(run(shallow, Map.of()),
                "yaml: line 2, column 7: nesting is deeper than the limit of 3 levels");
    }

    @Test
    void aliasesAreReportedWhereTheyAppear() {
        Outcome o = run(utf8("values:\n  a: &x {b: 1}\n  c: *x\n"), Map.of());
        assertThat(o.load()).containsExactly("alias nodes are not supported @ root:3:6");
        assertThat(o.properties()).isNull();
    }

    @Test
    void aMergeKeyFailsThroughItsAlias() {
        Outcome o = run(utf8("values:\n  base: &x {b: 1}\n  c:\n    <<: *x\n"), Map.of());
        assertThat(o.load()).containsExactly("alias nodes are not supported @ root:4:9");
        assertThat(o.properties()).isNull();
    }

    @Test
    void aBareMergeKeyIsAnOrdinaryKey() {
        // as in the reference: "<<" does not merge anything, it is a key like any other
        Outcome o = run(utf8("values:\n  c:\n    <<: {b: 1}\n    d: ${c[\"<<\"].b}\n"), Map.of());
        assertThat(o.load()).isEmpty();
        assertThat(o.check()).isEmpty();
        assertThat(o.evaluate()).isEmpty();
        Map<String, Value> c = o.properties().get("c").asMap();
        assertThat(c).containsOnlyKeys("<<", "d");
        assertThat(c.get("<<").asMap().get("b").value().toString()).isEqualTo("1");
        assertThat(c.get("d").value().toString()).isEqualTo("1");
    }

    @Test
    void tenThousandImports() {
        int n = 10_000;
        Map<String, String> envs = new HashMap<>();
        for (int i = 0; i < n; i++) {
            envs.put("e" + i, "values:\n  k" + i + ": " + i + "\n  last: " + i + "\n");
        }
        String imports = "imports:\n" + lines(n, i -> "  - e" + i);
        Outcome o = run(utf8(imports + "values:\n  top: ${last}\n"), envs);
        assertThat(o.load()).isEmpty();
        assertThat(o.check()).isEmpty();
        assertThat(o.evaluate()).isEmpty();
        assertThat(o.properties()).hasSize(n + 2);
        assertThat(o.properties().get("top").value().toString()).isEqualTo(String.valueOf(n - 1));

        Outcome missing = run(utf8(imports), Map.of());
        assertThat(missing.evaluate()).hasSize(n);
        assertThat(missing.evaluate().get(0)).isEqualTo("environment \"e0\" not found @ root:2:5");
        assertThat(missing.evaluate().get(n - 1)).isEqualTo("environment \"e9999\" not found @ root:10001:5");
        assertThat(missing.check()).isEqualTo(missing.evaluate());
    }

    @Test
    void selfImportIsACycle() {
        String def = "imports:\n  - root\nvalues:\n  a: 1\n";
        Outcome o = run(utf8(def), Map.of(ROOT, def));
        assertThat(o.load()).isEmpty();
        assertThat(o.check()).containsExactly("cyclic import of root @ root:2:5");
        assertThat(o.evaluate()).containsExactly("cyclic import of root @ root:2:5");
        assertThat(o.properties().get("a").value().toString()).isEqualTo("1");
    }

    @Test
    void importCycleAThousandEnvironmentsLong() {
        int n = 1_000;
        Map<String, String> envs = new HashMap<>();
        for (int i = 0; i < n; i++) {
            envs.put("e" + i, "imports:\n  - e" + (i + 1) % n + "\nvalues:\n  k" + i + ": " + i + "\n");
        }
        Outcome o = run(utf8("imports:\n  - e0\n"), envs);
        // reported once, in the environment that closes the cycle
        assertThat(o.check()).containsExactly("cyclic import of e0 @ e999:2:5");
        assertThat(o.evaluate()).containsExactly("cyclic import of e0 @ e999:2:5");
        assertThat(o.properties()).hasSize(n);
    }

    @Test
    void anEmptyValueAtTheEndOfTheFileIsPlacedAfterItsColon() {
        Outcome o = run(utf8("imports:\n\n"), Map.of());
        assertThat(o.load()).containsExactly("imports must be a list @ root:1:9");
    }

    @Test
    void importOptionsOtherThanMergeAreIgnored() {
        // the reference's import options are {merge} only (v0.25); unknown options are ignored without a warning
        Outcome o = run(utf8("imports:\n  - other: {rotateOnly: true, merge: false}\nvalues:\n  a: 1\n"),
                Map.of("other", "values:\n  b: 2\n"));
        assertThat(o.load()).isEmpty();
        assertThat(o.evaluate()).isEmpty();
        assertThat(o.properties()).containsOnlyKeys("a");
    }
}
