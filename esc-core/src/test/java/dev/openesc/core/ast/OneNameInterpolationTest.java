package dev.openesc.core.ast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openesc.core.syntax.Pos;
import dev.openesc.core.syntax.Range;
import dev.openesc.core.syntax.StringNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OneNameInterpolationTest {
    private static final PropertyName NAME =
            new PropertyName("link8", new Range("root", new Pos(1, 12, 11), new Pos(1, 17, 16)));

    private static List<Interpolation> general(String text, PropertyAccessor... accessors) {
        return List.of(new Interpolation(text, new PropertyAccess(List.of(accessors))));
    }

    @Test
    void aTextAndOneNameBecomeOneObjectEqualToTheGeneralList() {
        List<Interpolation> general = general("item-7-", NAME);
        List<Interpolation> compact = OneNameInterpolation.compact(general);
        assertThat(compact).isInstanceOf(OneNameInterpolation.class);
        assertThat(compact).isEqualTo(general).hasSameHashCodeAs(general);
        assertThat(general).isEqualTo(compact);
        assertThat(compact.get(0)).isEqualTo(general.get(0));
        assertThat(((OneNameInterpolation) compact).text()).isEqualTo("item-7-");
        assertThat(((OneNameInterpolation) compact).name()).isSameAs(NAME);
        assertThatThrownBy(() -> compact.get(1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> compact.remove(0)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void otherShapesStayAsTheyAre() {
        List<Interpolation> twoParts = new ArrayList<>(general("a", NAME));
        twoParts.add(new Interpolation("b", null));
        List<Interpolation> path = general("a", NAME, new PropertyName("b", null));
        List<Interpolation> subscript = general("a", new PropertyKeySubscript("k", null));
        List<Interpolation> textOnly = List.of(new Interpolation("a", null));
        for (List<Interpolation> parts : List.of(twoParts, path, subscript, textOnly)) {
            assertThat(OneNameInterpolation.compact(parts)).isSameAs(parts);
        }
    }

    @Test
    void aParsedInterpolationOfOneNameIsCompactAndReadsAsBefore() {
        TestSource src = new TestSource("doc", "v: item-7-${link8}");
        InterpolateExpr x = (InterpolateExpr) ExprParser.parse(src.str("item-7-${link8}", "values.v"), src.bytes())
                .expr();
        assertThat(x.parts()).isInstanceOf(OneNameInterpolation.class);
        assertThat(x.toString()).isEqualTo("item-7-${link8}");
        assertThat(x.parts().get(0).text()).isEqualTo("item-7-");
        assertThat(x.parts().get(0).value().rootName()).isEqualTo("link8");
        // the expression built from the general list equals the parsed one, which keeps no parts object of its
        // own: its parts are made on each call, equal every time
        InterpolateExpr general = new InterpolateExpr(x.node(), List.of(x.parts().get(0)));
        assertThat(general).isEqualTo(x).hasSameHashCodeAs(x).hasToString(x.toString());
        assertThat(x).isEqualTo(general);
        assertThat(x.parts()).isNotSameAs(x.parts()).isEqualTo(x.parts());
        TestSource again = new TestSource("doc", "v: item-7-${link8}");
        assertThat(ExprParser.parse(again.str("item-7-${link8}", "values.v"), again.bytes()).expr()).isEqualTo(x);
        assertThat(new InterpolateExpr(x.node(), List.of(new Interpolation("item-7-", null)))).isNotEqualTo(x);
        assertThat(new InterpolateExpr(StringNode.of("t"), general("item-7-", NAME)).parts())
                .isInstanceOf(OneNameInterpolation.class);
    }
}
