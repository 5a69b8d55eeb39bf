package dev.openesc.core.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openesc.core.conformance.TestProviders;
import dev.openesc.core.provider.EnvironmentLoadException;
import dev.openesc.core.provider.EnvironmentLoader;
import dev.openesc.core.syntax.Diagnostic;
import dev.openesc.core.value.ExecContext;
import dev.openesc.core.value.Value;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Objects large enough for the evaluator to read their merged properties from aligned arrays rather than key by
 * key, and to sort their keys from document order: the results must be those of merge-patch semantics whatever
 * the order the keys are written in, and whichever way the object was built (evaluated in key order, or copied by
 * an import merge into a hash table).
 */
class LargeObjectTest {
    private static final int KEYS = 600;

    private static String key(int i) {
        return "k" + i;
    }

    /** Loads environments from the given YAML texts. */
    private record Documents(Map<String, String> yaml) implements EnvironmentLoader {
        @Override
        public LoadedEnvironment load(String name) throws EnvironmentLoadException {
            String doc = yaml.get(name);
            if (doc == null) {
                throw new EnvironmentLoadException("environment \"" + name + "\" not found");
            }
            return new LoadedEnvironment(doc.getBytes(StandardCharsets.UTF_8), c -> c);
        }
    }

    private static EvalResult evaluate(String root, Map<String, String> imports, boolean check) {
        Loader.Loaded loaded = Loader.load("root", root.getBytes(StandardCharsets.UTF_8));
        EvalRequest req = new EvalRequest("root", loaded.decl(), c -> c, new TestProviders(), new Documents(imports),
                ExecContext.of(Map.of()), new ParsedDefinitions());
        return check ? Evaluator.check(req, false) : Evaluator.evaluate(req);
    }

    @Test
    void ownPropertiesWinOverImportedOnesWhateverTheirWrittenOrder() {
        // the root writes its keys in descending order; the import defines every third key and some of its own
        StringBuilder root = new StringBuilder("imports:\n  - base\nvalues:\n");
        for (int i = KEYS - 1; i >= 0; i--) {
            if (i % 2 == 0) {
                root.append("  ").append(key(i)).append(": own-").append(i).append('\n');
            }
        }
        root.append("  ref: ${k3}-${k4}\n");
        StringBuilder base = new StringBuilder("values:\n");
        Map<String, Object> expected = new TreeMap<>();
        for (int i = 0; i < KEYS; i++) {
            if (i % 3 == 0 || i % 2 == 1) {
                base.append("  ").append(key(i)).append(": base-").append(i).append('\n');
                expected.put(key(i), "base-" + i);
            }
        }
        for (int i = 0; i < KEYS; i += 2) {
            expected.put(key(i), "own-" + i);
        }
        expected.put("ref", "base-3-own-4");

        for (boolean check : new boolean[] {true, false}) {
            EvalResult r = evaluate(root.toString(), Map.of("base", base.toString()), check);
            assertThat(r.diagnostics().asList()).isEmpty();
            assertThat(Value.ofMap(r.environment().properties()).toJson(false)).isEqualTo(expected);
            // the expression tree lists the root's own keys, sorted
            List<String> own = new ArrayList<>(r.environment().exprs().keySet());
            assertThat(own).isSorted().hasSize(KEYS / 2 + 1).contains("ref", key(0), key(KEYS - 2));
        }
    }

    @Test
    void aLargeObjectOverAFewImportedPropertiesMergesExactlyTheKeysTheyShare() {
        // the root has many more keys than its import: merged through the import's keys, not its own
        StringBuilder root = new StringBuilder("imports:\n  - small\nvalues:\n");
        for (int i = KEYS - 1; i >= 0; i--) {
            root.append("  ").append(key(i)).append(i == 4 ? ":\n    b: own-b\n" : ": own-" + i + "\n");
        }
        String small = "values:\n  k4:\n    a: base-a\n    b: base-b\n  k6: base-6\n  other: base-other\n";
        for (boolean check : new boolean[] {true, false}) {
            EvalResult r = evaluate(root.toString(), Map.of("small", small), check);
            assertThat(r.diagnostics().asList()).isEmpty();
            Map<String, Value> props = r.environment().properties();
            assertThat(props).hasSize(KEYS + 1);
            assertThat(props.get("k4").toJson(false)).isEqualTo(Map.of("a", "base-a", "b", "own-b"));
            assertThat(props.get("k6").toJson(false)).isEqualTo("own-6");
            assertThat(props.get("other").toJson(false)).isEqualTo("base-other");
            // overridden values are traced to what they override; the others have no base
            assertThat(props.get("k6").trace().base().toJson(false)).isEqualTo("base-6");
            assertThat(props.get("k4").asMap().get("b").trace().base().toJson(false)).isEqualTo("base-b");
            assertThat(props.get("k5").trace().base()).isNull();
            assertThat(r.environment().schema().properties().get("k4").properties()).containsOnlyKeys("a", "b");
        }
    }

    @Test
    void anImportedObjectCopiedByTheMergeKeepsMergePatchSemantics() {
        // two imports define the same large object: the second one's is copied (into a hash table) and merged over
        // the first one's, then the root overrides a few of its properties
        StringBuilder first = new StringBuilder("values:\n  obj:\n");
        StringBuilder second = new StringBuilder("values:\n  obj:\n");
        Map<String, Object> expected = new TreeMap<>();
        for (int i = 0; i < KEYS; i++) {
            first.append("    ").append(key(i)).append(": first-").append(i).append('\n');
            expected.put(key(i), "first-" + i);
            if (i % 4 == 0) {
                second.append("    ").append(key(i)).append(": second-").append(i).append('\n');
                expected.put(key(i), "second-" + i);
            }
        }
        // every key of the copied object is also below it: only its order tells an own property from a base one
        first.append("    extra: first-extra\n");
        expected.put("extra", "first-extra");
        expected.put(key(8), "root-8");
        expected.put(key(9), "root-9");
        String root = "imports:\n  - first\n  - second\nvalues:\n  obj:\n    k9: root-9\n    k8: root-8\n";

        for (boolean check : new boolean[] {true, false}) {
            EvalResult r = evaluate(root, Map.of("first", first.toString(), "second", second.toString()), check);
            assertThat(r.diagnostics().asList()).extracting(Diagnostic::summary).isEmpty();
            assertThat(r.environment().properties().get("obj").toJson(false)).isEqualTo(expected);
        }
    }

    @Test
    void duplicateKeysOfALargeObjectAreReportedInDocumentOrder() {
        StringBuilder root = new StringBuilder("values:\n");
        for (int i = KEYS - 1; i >= 0; i--) {
            root.append("  ").append(key(i)).append(": v").append(i).append('\n');
        }
        root.append("  k5: again\n  k1: again\n");
        EvalResult r = evaluate(root.toString(), Map.of(), false);
        assertThat(r.diagnostics().asList()).extracting(Diagnostic::summary)
                .containsExactly("duplicate key \"k5\"", "duplicate key \"k1\"");
        assertThat(r.environment().properties().get("k5").toJson(false)).isEqualTo("v5");
    }

    @Test
    void aLargeRootAnswersANameAlikeEveryTimeItIsReferenced() {
        // a root large enough to remember its answers per name: found in the root, found only in the import,
        // shadowing the import, and found nowhere (reported at every reference, not only the first)
        StringBuilder root = new StringBuilder("imports:\n  - base\nvalues:\n");
        for (int i = 0; i < KEYS; i++) {
            root.append("  ").append(key(i)).append(": v").append(i).append('\n');
        }
        root.append("  obj:\n    inner: deep\n");
        for (int i = 0; i < 3; i++) {
            root.append("  ref").append(i).append(": ${k7}/${shared}/${obj.inner}/${k9}\n");
            root.append("  lost").append(i).append(": x${nowhere}\n");
        }
        String base = "values:\n  shared: from-base\n  k7: shadowed\n";

        for (boolean check : new boolean[] {true, false}) {
            EvalResult r = evaluate(root.toString(), Map.of("base", base), check);
            Map<String, Value> props = r.environment().properties();
            for (int i = 0; i < 3; i++) {
                assertThat(props.get("ref" + i).toJson(false)).isEqualTo("v7/from-base/deep/v9");
                assertThat(props.get("lost" + i).unknown()).isTrue();
            }
            assertThat(r.diagnostics().asList()).hasSize(3).allSatisfy(
                    d -> assertThat(d.summary()).contains("nowhere"));
            assertThat(r.diagnostics().asList()).extracting(Diagnostic::path)
                    .containsExactly("values.lost0", "values.lost1", "values.lost2");
        }
    }
}
