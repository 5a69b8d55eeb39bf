package dev.openesc.core.ast;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openesc.core.syntax.Diagnostics;
import dev.openesc.core.syntax.NameTable;
import dev.openesc.core.syntax.StringNode;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The parse of the commonest interpolation ({@code item-${name}}) without the general parser
 * ({@code InterpolationParser.oneName}): for every string it reads, the same parts, names and accessor ranges as the
 * general parse and no diagnostic; every other string is left to the general parse.
 */
class OneNameParseTest {
    private static final String[] TEXT = {"a", "Z", "0", "-", " ", "{", "}", ".", "[", "]", "\"", "'", "é", "\t",
        "$", "$$", "#", ":", "😀", "\\"};
    private static final String[] NAME = {"a", "b", "_", "1", "-", "{", "\"", "é", ".", "[", "]", "$", " ", "}",
        "\\", "\t", "\u00a0", "\u0085", "link8"};

    private static String pick(Random r, String[] pieces, int most) {
        StringBuilder b = new StringBuilder();
        for (int i = r.nextInt(most + 1); i > 0; i--) {
            b.append(pieces[r.nextInt(pieces.length)]);
        }
        return b.toString();
    }

    /**
     * Compares both parses of {@code value} as a plain scalar after "v: ", and with no source, and the expression
     * each makes; whether the value was read fast.
     */
    private static boolean readsAsTheGeneralParse(String value) {
        TestSource src = new TestSource("doc", "v: " + value);
        StringNode node = src.str(value, "values.v");
        boolean fast = false;
        for (SourceLines source : new SourceLines[] {new SourceLines(src.bytes()), null}) {
            NameTable names = new NameTable();
            PropertyName one = InterpolationParser.oneName(node, value, source, names);
            Diagnostics diags = new Diagnostics();
            List<Interpolation> general = InterpolationParser.general(node, source, diags, names);
            if (one == null) {
                continue;
            }
            fast = true;
            String text = value.substring(0, value.indexOf('$'));
            assertThat(OneNameInterpolation.of(text, one)).as(value).isEqualTo(general);
            assertThat(diags.isEmpty()).as(value).isTrue();
            PropertyName generalName = (PropertyName) general.get(0).value().accessors().get(0);
            // the same range field by field (equality of ranges ignores nothing but the memo) and the same string
            assertThat(one.range()).as(value).isEqualTo(generalName.range());
            assertThat(one.name()).isSameAs(generalName.name());
        }
        if (fast) {
            // the expression the parser makes of it: as made from the general parse's parts
            List<Interpolation> general = InterpolationParser.general(node, new SourceLines(src.bytes()),
                    new Diagnostics(), new NameTable());
            ParsedExpr parsed = ExprParser.parse(node, src.bytes());
            Expr expected = general.get(0).text().isEmpty() ? new SymbolExpr(node, general.get(0).value())
                    : new InterpolateExpr(node, general);
            assertThat(parsed.expr()).as(value).isEqualTo(expected).hasToString(expected.toString());
            assertThat(parsed.diagnostics().isEmpty()).isTrue();
        }
        return fast;
    }

    @Test
    void theCommonShapeReadsFastAndAsTheGeneralParse() {
        assertThat(readsAsTheGeneralParse("item-7-${link8}")).isTrue();
        assertThat(readsAsTheGeneralParse("${link8}")).isTrue();
        assertThat(readsAsTheGeneralParse("a b{c}${x{y\"z}")).isTrue();
        TestSource src = new TestSource("doc", "v: item-7-${link8}");
        ParsedExpr parsed = ExprParser.parse(src.str("item-7-${link8}", "values.v"), src.bytes());
        InterpolateExpr x = (InterpolateExpr) parsed.expr();
        assertThat(x.parts().get(0).text()).isEqualTo("item-7-");
        PropertyName name = (PropertyName) x.parts().get(0).value().accessors().get(0);
        assertThat(name.range().startColumn()).isEqualTo(13);
        assertThat(name.range().endColumn()).isEqualTo(18);
        assertThat(name.range().startByte()).isEqualTo(12);
        assertThat(ExprParser.parse(new TestSource("doc", "v: ${link8}").str("${link8}", "values.v"),
                "v: ${link8}".getBytes(java.nio.charset.StandardCharsets.UTF_8)).expr())
                .isInstanceOf(SymbolExpr.class);
    }

    @Test
    void otherShapesAreLeftToTheGeneralParse() {
        for (String value : List.of("$${x}", "a$${x}", "${}", "${a.b}", "${a[0]}", "${a}b", "${a b}", "${a$b}",
                "é${a}", "${é}", "${a}}", "${a", "a${a\tb}", "a$b${c}", "${a}${b}")) {
            assertThat(readsAsTheGeneralParse(value)).as(value).isFalse();
        }
    }

    @Test
    void generatedStringsReadAsTheGeneralParse() {
        Random r = new Random(20261126);
        int fast = 0;
        for (int i = 0; i < 20_000; i++) {
            String value = pick(r, TEXT, 4) + (r.nextInt(8) == 0 ? "$" : "${") + pick(r, NAME, 3)
                    + (r.nextInt(8) == 0 ? "" : "}") + (r.nextInt(4) == 0 ? pick(r, TEXT, 2) : "");
            if (readsAsTheGeneralParse(value)) {
                fast++;
            }
        }
        // a fast path that declines everything would pass the comparisons above
        assertThat(fast).isGreaterThan(2_000);
    }

    @Test
    void namesReadEitherWayAreTheSameString() {
        NameTable names = new NameTable();
        byte[] bytes = "x-${link8}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String fromBytes = names.share(bytes, 4, 5);
        assertThat(names.shareAscii("y-${link8}", 4, 5)).isSameAs(fromBytes);
        String fresh = names.shareAscii("${link9}", 2, 5);
        assertThat(fresh).isEqualTo("link9");
        assertThat(names.share("link9".getBytes(java.nio.charset.StandardCharsets.UTF_8), 0, 5)).isSameAs(fresh);
        assertThat(names.shareAscii("${link}", 2, 4)).isEqualTo("link").isNotSameAs(fresh);
    }
}
