package dev.openesc.core.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openesc.core.schema.Schema;
import dev.openesc.core.syntax.Pos;
import java.util.List;
import org.junit.jupiter.api.Test;

class OneKeyInterpolationTest {
    private static final Range KEY = new Range("root", new Pos(3, 20, 40), new Pos(3, 25, 45));
    private static final Range VALUE = new Range("chain-8", new Pos(4, 3, 50), new Pos(4, 9, 56));

    private static List<Interpolation> general(String text, Range value) {
        return List.of(new Interpolation(text, List.of(new PropertyAccessor(Accessor.key("link8", KEY), value))));
    }

    @Test
    void equalsTheGeneralFormBothWaysWithTheSameHashCode() {
        List<Interpolation> compact = Interpolation.ofOneKey("item-7-", "link8", KEY, VALUE);
        List<Interpolation> general = general("item-7-", VALUE);
        assertThat(compact).isEqualTo(general).hasSameHashCodeAs(general);
        assertThat(general).isEqualTo(compact);
        assertThat(compact.get(0)).isEqualTo(general.get(0));
        assertThat(compact).containsExactlyElementsOf(general);
        // an unresolved reference has the empty range, as the general export gives it
        assertThat(Interpolation.ofOneKey("", "link8", KEY, Range.NONE)).isEqualTo(general("", Range.NONE));
    }

    @Test
    void differsWhereTheGeneralFormsDiffer() {
        List<Interpolation> compact = Interpolation.ofOneKey("item-7-", "link8", KEY, VALUE);
        assertThat(compact).isNotEqualTo(general("item-8-", VALUE)).isNotEqualTo(general("item-7-", Range.NONE));
        assertThat(compact).isNotEqualTo(Interpolation.ofOneKey("item-7-", "link9", KEY, VALUE));
    }

    @Test
    void isReadOnlyAndHasOneElement() {
        List<Interpolation> compact = Interpolation.ofOneKey("a", "b", KEY, VALUE);
        assertThat(compact).hasSize(1);
        assertThatThrownBy(() -> compact.get(1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> compact.add(compact.get(0))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void anExpressionWithTheCompactPartsIsWrittenAndReadBackLikeTheGeneralOne() {
        Expr compact = Expr.of(VALUE, Schema.string().build(), null)
                .withInterpolate(Interpolation.ofOneKey("item-7-", "link8", KEY, VALUE));
        Expr general = Expr.of(VALUE, Schema.string().build(), null).withInterpolate(general("item-7-", VALUE));
        assertThat(compact).isEqualTo(general).hasSameHashCodeAs(general);
        assertThat(WireJson.toJson(compact)).isEqualTo(WireJson.toJson(general));
    }
}
