package dev.openesc.core.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openesc.core.ast.PropertyName;
import dev.openesc.core.value.Accessor;
import dev.openesc.core.value.Environment;
import dev.openesc.core.value.ExecContext;
import dev.openesc.core.value.Expr;
import dev.openesc.core.value.Interpolation;
import dev.openesc.core.value.PropertyAccessor;
import dev.openesc.core.value.Range;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.Random;
import dev.openesc.core.value.SortedKeyMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The compact forms the evaluator uses for its common shapes behave like the general forms they stand for. */
class CompactFormsTest {
    @Test
    void aStepIsTheListOfItselfAlone() {
        Repr.Step step = new Repr.Step(new PropertyName("a", null));
        List<Repr.Step> general = List.of(step);
        assertThat(step).hasSize(1).containsExactly(step);
        assertThat(step.get(0)).isSameAs(step);
        assertThat(new ArrayList<>(step)).isEqualTo(general);
        assertThatThrownBy(() -> step.get(1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> step.add(step)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aPartIsTheListOfItselfAloneAndItsOwnListsCompareByIdentity() {
        Repr.Step step = new Repr.Step(new PropertyName("b", null));
        Repr.Interpolate.Part part = new Repr.Interpolate.Part("x-", step);
        Repr.Interpolate.Part same = new Repr.Interpolate.Part("x-", step);
        assertThat(part).hasSize(1).containsExactly(part);
        assertThat(part.text()).isEqualTo("x-");
        assertThat(part.access()).containsExactly(step);
        // equality is identity: a list equal to its only element would recurse in equals and hashCode
        assertThat(part).isNotEqualTo(same).isEqualTo(part);
        assertThat(part.hashCode()).isEqualTo(System.identityHashCode(part));
    }

    @Test
    void anInterpolationOfOneReferenceOfOneStepIsDeclaredAsOneObjectAndEvaluatedAsTheGeneralForm() {
        String yaml = """
                values:
                  list: [p, q]
                  plain: v
                  byName: x-${plain}
                  byKey: y-${["plain"]}
                  twoSteps: z-${list[1]}
                """;
        Loader.Loaded loaded = Loader.load("root", yaml.getBytes(StandardCharsets.UTF_8));
        Map<String, dev.openesc.core.ast.Expr> declared = new TreeMap<>();
        loaded.decl().values().entries().forEach(e -> declared.put(e.key().value(), e.value()));
        Declarer declarer = new Declarer(new Diags());
        assertThat(declarer.declare("byName", declared.get("byName"), null).repr)
                .isInstanceOf(Repr.OneReference.class);
        Repr byKey = declarer.declare("byKey", declared.get("byKey"), null).repr;
        assertThat(byKey).isInstanceOf(Repr.OneReference.class);
        assertThat((Repr.OneReference) byKey).hasSize(1).containsExactly((Repr.OneReference) byKey);
        assertThat(declarer.declare("twoSteps", declared.get("twoSteps"), null).repr)
                .isInstanceOf(Repr.Interpolate.class);

        EvalRequest req = new EvalRequest("root", loaded.decl(), c -> c,
                dev.openesc.core.provider.ProviderLoader.none(),
                dev.openesc.core.provider.EnvironmentLoader.none(), ExecContext.of(Map.of()));
        Environment env = Evaluator.evaluate(req).environment();
        assertThat(env.properties().get("byName").value()).isEqualTo("x-v");
        assertThat(env.properties().get("byKey").value()).isEqualTo("y-v");
        assertThat(env.properties().get("twoSteps").value()).isEqualTo("z-q");

        // exported as the general form: one part whose one accessor points at the value it reached
        Range plain = env.exprs().get("plain").range();
        for (String name : List.of("byName", "byKey")) {
            List<Interpolation> parts = env.exprs().get(name).interpolate();
            Range keyRange = parts.get(0).value().get(0).accessor().range();
            assertThat(keyRange.environment()).isEqualTo("root");
            assertThat(parts).isEqualTo(List.of(new Interpolation(name.equals("byName") ? "x-" : "y-",
                    List.of(new PropertyAccessor(Accessor.key("plain", keyRange), plain)))));
        }
        List<Interpolation> twoSteps = env.exprs().get("twoSteps").interpolate();
        assertThat(twoSteps).hasSize(1);
        assertThat(twoSteps.get(0).value()).hasSize(2);
        assertThat(twoSteps.get(0).value().get(1).accessor().index()).isEqualTo(1);
        assertThat(twoSteps.get(0).value().get(1).value()).isEqualTo(env.exprs().get("list").list().get(1).range());
    }

    @Test
    void keysAreSortedStablyFromTheRunsTheyAreWrittenIn() {
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            // both the insertion sort of few keys and the merge of runs of more
            int n = random.nextInt(200);
            String[] keys = new String[n];
            for (int i = 0; i < n; i++) {
                // few distinct keys, so that repeats are common; some rounds partly in order
                keys[i] = round % 3 == 0 && i > n / 2 ? "k" + (10 + i) : "k" + random.nextInt(n / 3 + 2);
            }
            int[] positions = IntStream.range(0, n).toArray();
            List<Integer> expected = new ArrayList<>(IntStream.range(0, n).boxed().toList());
            // List.sort is stable: of equal keys, the earlier position first
            expected.sort(Comparator.comparing(i -> keys[i]));
            assertThat(PropertyOrder.sortByKey(keys, positions)).containsExactly(
                    expected.stream().mapToInt(Integer::intValue).toArray());
        }
    }

    @Test
    void anEvaluatedObjectFillsItsMergedPropertiesLikeAHashTableWithTheSameEntries() {
        EvalValue one = new EvalValue(null, null);
        EvalValue three = new EvalValue(null, null);
        EvalValue belowTwo = new EvalValue(null, null);
        EvalValue belowThree = new EvalValue(null, null);
        List<String> keys = List.of("1", "2", "3");
        List<String> belowKeys = List.of("2", "3");
        EvalValue[] below = {belowTwo, belowThree};

        Map<String, EvalValue> sorted = SortedKeyMap.adopt(new String[] {"1", "3"}, new Object[] {one, three});
        Map<String, EvalValue> table = new TreeMap<>(Map.of("1", one, "3", three));
        EvalValue[] fromArrays = new EvalValue[3];
        EvalValue[] fromEntries = new EvalValue[3];
        assertThat(SortedMerge.fillInKeyOrder(sorted, keys, belowKeys, below, fromArrays)).isTrue();
        assertThat(SortedMerge.fillInKeyOrder(table, keys, belowKeys, below, fromEntries)).isTrue();
        assertThat(fromArrays).containsExactly(one, belowTwo, three).isEqualTo(fromEntries);

        // a key neither own nor below: both walks give up, so that the caller looks keys up instead
        assertThat(SortedMerge.fillInKeyOrder(sorted, List.of("0", "1", "3"), belowKeys, below, fromArrays))
                .isFalse();
        assertThat(SortedMerge.fillInKeyOrder(table, List.of("0", "1", "3"), belowKeys, below, fromEntries))
                .isFalse();
    }

    @Test
    void aPlanFindsRepeatsAndTheKeyOrderAsAHashTableWalkInDocumentOrderWould() {
        String[] byEntry = {"b", "a", null, "c", "a", "b", "d", "a"};
        PropertyOrder.Plan plan = PropertyOrder.plan(byEntry);
        // the reference: the first of each key is declared, later ones repeat it
        java.util.Set<String> seen = new java.util.HashSet<>();
        ExprNode[] nodes = new ExprNode[byEntry.length];
        for (int i = 0; i < byEntry.length; i++) {
            boolean repeat = byEntry[i] != null && !seen.add(byEntry[i]);
            assertThat(plan.repeats(i)).as("entry %d", i).isEqualTo(repeat);
            if (byEntry[i] != null && !repeat) {
                nodes[i] = ExprNode.missing(byEntry[i], null);
            }
        }
        PropertyOrder order = plan.order(nodes);
        assertThat(order.keyList()).containsExactly("a", "b", "c", "d");
        assertThat(order.node(0)).isSameAs(nodes[1]);
        assertThat(order.node(1)).isSameAs(nodes[0]);
        assertThat(order.asMap().get("d")).isSameAs(nodes[6]);
        assertThat(order.asMap()).containsOnlyKeys("a", "b", "c", "d").doesNotContainKey("e");
    }

    @Test
    void aPlanOfAscendingKeysKeepsThemInPlace() {
        PropertyOrder.Plan plan = PropertyOrder.plan(new String[] {"a", null, "b", "c"});
        ExprNode a = ExprNode.missing("a", null);
        ExprNode b = ExprNode.missing("b", null);
        ExprNode c = ExprNode.missing("c", null);
        for (int i = 0; i < 4; i++) {
            assertThat(plan.repeats(i)).isFalse();
        }
        PropertyOrder order = plan.order(new ExprNode[] {a, null, b, c});
        assertThat(order.keyList()).containsExactly("a", "b", "c");
        assertThat(order.node(2)).isSameAs(c);
        assertThat(PropertyOrder.plan(new String[] {null, null}).order(new ExprNode[2]))
                .isSameAs(PropertyOrder.EMPTY);
    }
}
