package dev.openesc.core.ast;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openesc.core.syntax.Diagnostic;
import dev.openesc.core.syntax.Pos;
import dev.openesc.core.syntax.Range;
import dev.openesc.core.syntax.StringNode;
import dev.openesc.core.syntax.Syntax;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The {@code ${...}} grammar: escapes, symbols versus interpolations, accessor ranges and error positions. */
class InterpolationTest {

    /** Parses the plain scalar written after "v: " on the single line of a document. */
    private static ParsedExpr parsePlain(String value) {
        TestSource src = new TestSource("doc", "v: " + value);
        return ExprParser.parse(src.str(value, "values.v"), src.bytes());
    }

    private static String describe(Range r) {
        return r == null ? "none"
                : r.start().line() + ":" + r.start().column() + "-" + r.end().line() + ":" + r.end().column()
                        + " (" + r.start().byteOffset() + "-" + r.end().byteOffset() + ")";
    }

    private static List<String> errors(ParsedExpr parsed) {
        return parsed.diagnostics().asList().stream()
                .map(d -> d.summary() + " @ " + describe(d.subject()) + " " + d.path())
                .collect(Collectors.toList());
    }

    @Test
    void textWithoutAccessesIsAStringLiteral() {
        ParsedExpr p = parsePlain("just text");
        assertThat(p.expr()).isEqualTo(new StringExpr(p.expr().node(), "just text"));
        assertThat(p.diagnostics().isEmpty()).isTrue();
    }

    @Test
    void doubledDollarIsALiteralDollar() {
        ParsedExpr p = parsePlain("cost: $$5, literal $${x}, lone $ sign");
        assertThat(((StringExpr) p.expr()).value()).isEqualTo("cost: $5, literal ${x}, lone $ sign");
        assertThat(p.diagnostics().isEmpty()).isTrue();
    }

    @Test
    void aLoneAccessIsASymbolWithAccessorRanges() {
        ParsedExpr p = parsePlain("${a.b[0][\"k\"]}");
        assertThat(p.diagnostics().isEmpty()).isTrue();
        SymbolExpr sym = (SymbolExpr) p.expr();
        List<PropertyAccessor> acc = sym.property().accessors();
        assertThat(acc).hasSize(4);
        assertThat(acc.get(0)).isInstanceOf(PropertyName.class);
        assertThat(((PropertyName) acc.get(0)).name()).isEqualTo("a");
        assertThat(((PropertyName) acc.get(1)).name()).isEqualTo("b");
        assertThat(((PropertyIndexSubscript) acc.get(2)).index()).isEqualTo(0);
        assertThat(((PropertyKeySubscript) acc.get(3)).key()).isEqualTo("k");
        // "v: " puts '$' at column 4; each range spans the accessor's own text, dot and brackets included.
        assertThat(acc.stream().map(a -> describe(a.range())))
                .containsExactly("1:6-1:7 (5-6)", "1:7-1:9 (6-8)", "1:9-1:12 (8-11)", "1:12-1:17 (11-16)");
        assertThat(sym.property().rootName()).isEqualTo("a");
        assertThat(sym.toString()).isEqualTo("${a.b[0][\"k\"]}");
    }

    @Test
    void escapesBeforeBetweenAndAfterAccessesResolveInTheirOwnPartOnly() {
        InterpolateExpr interp = (InterpolateExpr) parsePlain("a$$b${x}c${y}$$d$$").expr();
        assertThat(interp.parts()).extracting(Interpolation::text).containsExactly("a$b", "c", "$d$");
        assertThat(interp.parts().get(0).value().toString()).isEqualTo("x");
        assertThat(interp.parts().get(1).value().toString()).isEqualTo("y");
        assertThat(interp.parts().get(2).value()).isNull();
        InterpolateExpr plainFirst = (InterpolateExpr) parsePlain("é-${x}-$$").expr();
        assertThat(plainFirst.parts()).extracting(Interpolation::text).containsExactly("é-", "-$");
    }

    @Test
    void textAroundAccessesMakesAnInterpolation() {
        ParsedExpr p = parsePlain("hi ${user.name}, $$${x}!");
        InterpolateExpr interp = (InterpolateExpr) p.expr();
        assertThat(interp.parts()).extracting(Interpolation::text).containsExactly("hi ", ", $", "!");
        assertThat(interp.parts().get(0).value().toString()).isEqualTo("user.name");
        assertThat(interp.parts().get(1).value().toString()).isEqualTo("x");
        assertThat(interp.parts().get(2).value()).isNull();
        assertThat(interp.toString()).isEqualTo("hi ${user.name}, $$${x}!");
    }

    @Test
    void escapedQuotesInKeySubscripts() {
        ParsedExpr p = parsePlain("${a[\"say \\\"hi\\\"\"]}");
        SymbolExpr sym = (SymbolExpr) p.expr();
        assertThat(((PropertyKeySubscript) sym.property().accessors().get(1)).key()).isEqualTo("say \"hi\"");
        assertThat(p.diagnostics().isEmpty()).isTrue();
    }

    @Test
    void rootKeySubscriptAndNegativeIndexAreAccepted() {
        ParsedExpr p = parsePlain("${[\"my key\"][-1]}");
        assertThat(p.diagnostics().isEmpty()).isTrue();
        SymbolExpr sym = (SymbolExpr) p.expr();
        assertThat(sym.property().rootName()).isEqualTo("my key");
        assertThat(((PropertyIndexSubscript) sym.property().accessors().get(1)).index()).isEqualTo(-1);
    }

    @Test
    void emptyAccessYieldsAnEmptyNameWithoutError() {
        ParsedExpr p = parsePlain("${}");
        assertThat(p.diagnostics().isEmpty()).isTrue();
        PropertyName name = (PropertyName) ((SymbolExpr) p.expr()).property().accessors().get(0);
        assertThat(name.name()).isEmpty();
        assertThat(describe(name.range())).isEqualTo("1:6-1:7 (5-6)");
    }

    @Test
    void unterminatedAccessIsReportedAtTheEnd() {
        ParsedExpr p = parsePlain("see ${a.b");
        assertThat(errors(p))
                .containsExactly("missing closing brace '}' in interpolation @ 1:13-1:13 (12-12) values.v");
        InterpolateExpr interp = (InterpolateExpr) p.expr();
        assertThat(interp.parts()).hasSize(1);
        assertThat(interp.parts().get(0).value().toString()).isEqualTo("a.b");
    }

    @Test
    void whiteSpaceEndsTheAccessAndTheRestIsText() {
        ParsedExpr p = parsePlain("${a b}");
        assertThat(errors(p)).containsExactly("missing closing brace '}' in interpolation @ 1:7-1:7 (6-6) values.v");
        InterpolateExpr interp = (InterpolateExpr) p.expr();
        assertThat(interp.parts()).extracting(Interpolation::text).containsExactly("", " b}");
    }

    @Test
    void emptyNameAfterDot() {
        ParsedExpr p = parsePlain("${a..b}");
        assertThat(errors(p)).containsExactly("property name must not be empty @ 1:7-1:8 (6-7) values.v");
        assertThat(((SymbolExpr) p.expr()).property().accessors()).hasSize(3);
    }

    @Test
    void subscriptErrors() {
        assertThat(errors(parsePlain("${a[1}")))
                .containsExactly("subscript is missing closing bracket ']' @ 1:7-1:9 (6-8) values.v");
        assertThat(errors(parsePlain("${a[x1]}")))
                .containsExactly("numeric subscript must be a positive base-10 integer @ 1:8-1:10 (7-9) values.v");
        assertThat(errors(parsePlain("${a[99999999999999999999]}"))).hasSize(1);
        assertThat(errors(parsePlain("${a[\"\"]}")))
                .containsExactly("key subscript must not be empty @ 1:8-1:10 (7-9) values.v");
        assertThat(errors(parsePlain("${[0]}"))).containsExactly(
                "the first accessor must be a property name or key subscript, not a numeric subscript"
                        + " @ 1:6-1:8 (5-7) values.v");
        assertThat(errors(parsePlain("${a[\"k}"))).containsExactly(
                "key subscript is missing closing quote '\"' @ 1:8-1:11 (7-10) values.v",
                "subscript is missing closing bracket ']' @ 1:7-1:11 (6-10) values.v",
                "missing closing brace '}' in interpolation @ 1:11-1:11 (10-10) values.v");
    }

    @Test
    void nonNumericIndexIsKeptAsAKey() {
        SymbolExpr sym = (SymbolExpr) parsePlain("${a[b]}").expr();
        assertThat(sym.property().accessors().get(1)).isInstanceOf(PropertyKeySubscript.class);
        assertThat(((PropertyKeySubscript) sym.property().accessors().get(1)).key()).isEqualTo("b");
    }

    @Test
    void quotedStringsHaveNoAccessorRangesAndErrorsCoverTheWholeString() {
        TestSource src = new TestSource("doc", "v: \"${a.}\"");
        StringNode node = src.quoted("${a.}", "values.v");
        ParsedExpr p = ExprParser.parse(node, src.bytes());
        assertThat(((SymbolExpr) p.expr()).property().accessors()).allMatch(a -> a.range() == null);
        assertThat(errors(p)).containsExactly("property name must not be empty @ 1:4-1:11 (3-10) values.v");
    }

    @Test
    void withoutSourceThereAreNoAccessorRanges() {
        TestSource src = new TestSource("doc", "v: ${a}");
        ParsedExpr p = ExprParser.parse(src.str("${a}", "values.v"));
        assertThat(((SymbolExpr) p.expr()).property().accessors().get(0).range()).isNull();
    }

    @Test
    void columnsCountDisplayWidthAndBytesCountUtf8() {
        String line = "v: 世界${a.}";
        byte[] source = line.getBytes(StandardCharsets.UTF_8);
        String value = "世界${a.}";
        // The scalar starts at column 4, byte 3; it ends where the reference's decoder would put it.
        Range r = new Range("doc", new Pos(1, 4, 3), new Pos(1, 4 + value.length(), 3 + value.length()));
        StringNode node = new StringNode(Syntax.of(r, "values.v"), value);
        ParsedExpr p = ExprParser.parse(node, source);
        Diagnostic d = p.diagnostics().get(0);
        assertThat(d.summary()).isEqualTo("property name must not be empty");
        // "世界${a" is 2 wide characters (4 columns, 6 bytes) and 3 ASCII ones: the '.' is at +7 columns, +9 bytes.
        assertThat(describe(d.subject())).isEqualTo("1:11-1:12 (12-13)");
    }

    @Test
    void integersAreStrictlyBaseTen() {
        assertThat(PropertyAccessParser.parseInteger("42")).isEqualTo(42L);
        assertThat(PropertyAccessParser.parseInteger("+7")).isEqualTo(7L);
        assertThat(PropertyAccessParser.parseInteger("-3")).isEqualTo(-3L);
        assertThat(PropertyAccessParser.parseInteger("")).isNull();
        assertThat(PropertyAccessParser.parseInteger("-")).isNull();
        assertThat(PropertyAccessParser.parseInteger("1_000")).isNull();
        assertThat(PropertyAccessParser.parseInteger("0x10")).isNull();
        assertThat(PropertyAccessParser.parseInteger("\u0661")).isNull();
    }

    @Test
    void styleIsReadAtTheLineAndColumnEvenWhenTheByteOffsetIsMissing() {
        // On the last line of a document without a final newline the reference's ranges carry byte offset 0; the
        // quoting style must still be read at the scalar's real position, and offsets stay relative to 0 as there.
        byte[] source = "a: x\nv: \"${b.}\"".getBytes(StandardCharsets.UTF_8);
        Range quotedRange = new Range("doc", new Pos(2, 4, 0), new Pos(2, 11, 0));
        ParsedExpr quoted = ExprParser.parse(new StringNode(Syntax.of(quotedRange, "values.v"), "${b.}"), source);
        assertThat(describe(quoted.diagnostics().get(0).subject())).isEqualTo("2:4-2:11 (0-0)");

        byte[] plainSource = "a: x\nv: ${b.}".getBytes(StandardCharsets.UTF_8);
        Range plainRange = new Range("doc", new Pos(2, 4, 0), new Pos(2, 9, 0));
        ParsedExpr plain = ExprParser.parse(new StringNode(Syntax.of(plainRange, "values.v"), "${b.}"), plainSource);
        assertThat(describe(plain.diagnostics().get(0).subject())).isEqualTo("2:7-2:8 (3-4)");
    }

    @Test
    void randomStringsNeverBreakTheParserAndRangesStayInside() {
        String alphabet = "${}[].\"\\ a1-$";
        java.util.Random random = new java.util.Random(42);
        for (int i = 0; i < 5000; i++) {
            StringBuilder b = new StringBuilder();
            int length = random.nextInt(14);
            for (int j = 0; j < length; j++) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String value = b.toString().strip();
            if (value.isEmpty() || value.startsWith("\"")) {
                continue;
            }
            ParsedExpr p = parsePlain(value);
            int end = 3 + value.length();
            for (var d : p.diagnostics()) {
                assertThat(d.subject().start().byteOffset()).isBetween(3, end);
                assertThat(d.subject().end().byteOffset()).isBetween(d.subject().start().byteOffset(), end);
            }
        }
    }
}
