package dev.openesc.core.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openesc.core.ast.PropertyName;
import dev.openesc.core.value.SortedKeyMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
