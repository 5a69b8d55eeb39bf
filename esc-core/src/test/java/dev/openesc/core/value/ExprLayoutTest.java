package dev.openesc.core.value;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openesc.core.schema.Schema;
import dev.openesc.core.syntax.Pos;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The compact layouts of {@link Expr} are the record they were, seen from outside: members, equality, JSON, text. */
class ExprLayoutTest {
    private static final dev.openesc.core.syntax.Range SPAN =
            new dev.openesc.core.syntax.Range("root", new Pos(3, 11, 31), new Pos(3, 27, 47));
    private static final dev.openesc.core.syntax.Range KEY_SPAN =
            new dev.openesc.core.syntax.Range("root", new Pos(3, 20, 40), new Pos(3, 25, 45));
    private static final Range RANGE = new Range("root", new Pos(3, 11, 31), new Pos(3, 27, 47));
    private static final Range KEY = new Range("root", new Pos(3, 20, 40), new Pos(3, 25, 45));
    private static final Range VALUE = new Range("chain-8", new Pos(4, 3, 50), new Pos(4, 9, 56));
    private static final Schema STRING = Schema.string().build();

    private static Expr general(Range range, Expr base) {
        return new Expr(range, STRING, base, null, null, List.of(new Interpolation("item-7-",
                List.of(new PropertyAccessor(Accessor.key("link8", KEY), VALUE)))), null, null, null, null, null);
    }

    @Test
    void aOneKeyInterpolationOfSyntaxRangesIsTheGeneralExpression() {
        Expr base = Expr.of(VALUE, null, null).withLiteral("x");
        Expr compact = Expr.ofOneKeyInterpolation(SPAN, STRING, base, "item-7-", "link8", KEY_SPAN, VALUE);
        Expr general = general(RANGE, base);
        assertThat(compact).isEqualTo(general).hasSameHashCodeAs(general).hasToString(general.toString());
        assertThat(general).isEqualTo(compact);
        assertThat(compact.range()).isEqualTo(RANGE);
        assertThat(compact.interpolate()).isEqualTo(general.interpolate());
        assertThat(compact.base()).isSameAs(base);
        assertThat(compact.literal()).isNull();
        assertThat(compact.object()).isNull();
        assertThat(WireJson.toJson(compact)).isEqualTo(WireJson.toJson(general));
        // nothing is kept on the syntax ranges
        assertThat(SPAN.wireForm()).isNull();
        assertThat(KEY_SPAN.wireForm()).isNull();
        // copies carry the shape and the range over
        assertThat(compact.withLiteral(null)).isEqualTo(general);
        // it differs where the general form differs
        assertThat(compact).isNotEqualTo(general(VALUE, base)).isNotEqualTo(general(RANGE, null));
        assertThat(Expr.ofOneKeyInterpolation(RANGE, STRING, base, "item-7-", "link8", KEY, VALUE)).isEqualTo(general);
    }

    @Test
    void everyShapeAndCombinationReadsBackAsGiven() {
        Map<String, Range> keys = new TreeMap<>(Map.of("a", KEY));
        Map<String, Expr> object = new TreeMap<>(Map.of("a", Expr.of(VALUE, null, null)));
        Expr objectWithKeys = Expr.of(RANGE, null, null).withObject(keys, object);
        assertThat(objectWithKeys.keyRanges()).isEqualTo(keys);
        assertThat(objectWithKeys.object()).isEqualTo(object);
        assertThat(objectWithKeys.list()).isNull();
        Expr several = Expr.of(RANGE, null, null).withLiteral(false).withList(List.of()).withObject(keys, object);
        assertThat(several.literal()).isEqualTo(false);
        assertThat(several.list()).isEmpty();
        assertThat(several.keyRanges()).isEqualTo(keys);
        assertThat(several.object()).isEqualTo(object);
        assertThat(several.interpolate()).isNull();
        assertThat(several).isNotEqualTo(objectWithKeys).isEqualTo(new Expr(RANGE, null, null, keys, false, null, null,
                null, List.of(), object, null));
        assertThat(Expr.of(null, null, null).range()).isSameAs(Range.NONE);
        assertThat(Expr.of(RANGE, null, null).withLiteral(null)).isEqualTo(Expr.of(RANGE, null, null));
        assertThat(Expr.of(RANGE, STRING, null).withSymbol(List.of()).toString()).isEqualTo("Expr[range=" + RANGE
                + ", schema=" + STRING + ", base=null, keyRanges=null, literal=null, interpolate=null, symbol=[], "
                + "access=null, list=null, object=null, builtin=null]");
    }
}
