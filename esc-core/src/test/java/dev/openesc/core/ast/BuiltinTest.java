package dev.openesc.core.ast;

import static dev.openesc.core.ast.TestSource.entry;
import static org.assertj.core.api.Assertions.assertThat;

import dev.openesc.core.syntax.Node;
import dev.openesc.core.syntax.ObjectNode;
import dev.openesc.core.syntax.Range;
import dev.openesc.core.syntax.StringNode;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Each builtin's argument forms, and the errors reported for malformed arguments. */
class BuiltinTest {

    private static ParsedExpr parse(TestSource src, Node node) {
        return ExprParser.parse(node, src.bytes());
    }

    private static String at(Range r) {
        return r.start().line() + ":" + r.start().column() + "-" + r.end().line() + ":" + r.end().column();
    }

    private static List<String> errors(ParsedExpr p) {
        return p.diagnostics().asList().stream()
                .map(d -> d.summary() + " @ " + (d.subject() == null ? "none" : at(d.subject())) + " " + d.path())
                .collect(Collectors.toList());
    }

    /** {@code fn::<name>: <scalar>} on one line. */
    private static ParsedExpr call(String name, String scalar) {
        TestSource src = new TestSource("doc", name + ": " + scalar);
        ObjectNode node = src.obj("v", entry(src.str(name, "v"), src.str(scalar, "v." + name)));
        return parse(src, node);
    }

    @Test
    void joinTakesADelimiterAndAList() {
        TestSource src = new TestSource("doc", "fn::join: [\",\", [a, b]]");
        ObjectNode node = src.obj("v", entry(src.str("fn::join", "v"),
                src.arr("v.j", src.quoted(",", "v.j[0]"), src.arr("v.j[1]", src.str("a", "x"), src.str("b", "y")))));
        ParsedExpr p = parse(src, node);
        JoinExpr join = (JoinExpr) p.expr();
        assertThat(p.diagnostics().isEmpty()).isTrue();
        assertThat(join.name().value()).isEqualTo("fn::join");
        assertThat(at(join.name().range())).isEqualTo("1:1-1:9");
        assertThat(((StringExpr) join.delimiter()).value()).isEqualTo(",");
        assertThat(((ArrayExpr) join.values()).elements()).hasSize(2);
        assertThat(join.args()).isInstanceOf(ArrayExpr.class);
    }

    @Test
    void joinAndSplitRejectAnythingButAPair() {
        ParsedExpr join = call("fn::join", "oops");
        assertThat(errors(join))
                .containsExactly("the argument to fn::join must be a two-valued list @ 1:11-1:15 v.fn::join");
        assertThat(((JoinExpr) join.expr()).delimiter()).isNull();
        assertThat(((JoinExpr) join.expr()).values()).isNull();

        TestSource src = new TestSource("doc", "fn::split: [a]");
        StringNode splitKey = src.str("fn::split", "v");
        ParsedExpr split = parse(src, src.obj("v", entry(splitKey, src.arr("s", src.str("a", "s[0]")))));
        assertThat(errors(split)).containsExactly("the argument to fn::split must be a two-valued list @ 1:13-1:14 s");
        assertThat(((SplitExpr) split.expr()).string()).isNull();
    }

    @Test
    void splitTakesADelimiterAndAString() {
        TestSource src = new TestSource("doc", "fn::split: [\",\", a,b]");
        ParsedExpr p = parse(src, src.obj("v", entry(src.str("fn::split", "v"),
                src.arr("s", src.quoted(",", "s[0]"), src.str("a,b", "s[1]")))));
        SplitExpr split = (SplitExpr) p.expr();
        assertThat(((StringExpr) split.delimiter()).value()).isEqualTo(",");
        assertThat(((StringExpr) split.string()).value()).isEqualTo("a,b");
    }

    @Test
    void concatWantsAList() {
        assertThat(errors(call("fn::concat", "nope")))
                .containsExactly("the argument to fn::concat must be an array of arrays @ 1:13-1:17 v.fn::concat");
        TestSource src = new TestSource("doc", "fn::concat: [a]");
        ParsedExpr ok = parse(src, src.obj("v", entry(src.str("fn::concat", "v"), src.arr("c", src.str("a", "c[0]")))));
        assertThat(ok.diagnostics().isEmpty()).isTrue();
        assertThat(((ConcatExpr) ok.expr()).arrays()).isInstanceOf(ArrayExpr.class);
    }

    @Test
    void singleArgumentBuiltinsExposeTheirArgument() {
        assertThat(((ToJSONExpr) call("fn::toJSON", "x").expr()).value()).isInstanceOf(StringExpr.class);
        assertThat(((FromJSONExpr) call("fn::fromJSON", "x").expr()).string()).isInstanceOf(StringExpr.class);
        assertThat(((ToStringExpr) call("fn::toString", "x").expr()).value()).isInstanceOf(StringExpr.class);
        assertThat(((ToBase64Expr) call("fn::toBase64", "x").expr()).value()).isInstanceOf(StringExpr.class);
        assertThat(((FromBase64Expr) call("fn::fromBase64", "x").expr()).string()).isInstanceOf(StringExpr.class);
        ParsedExpr fin = call("fn::final", "frozen");
        assertThat(fin.diagnostics().isEmpty()).isTrue();
        assertThat(((StringExpr) ((FinalExpr) fin.expr()).value()).value()).isEqualTo("frozen");
    }

    @Test
    void openLongForm() {
        TestSource src = new TestSource("doc", "fn::open:\n  provider: test\n  inputs: {}\n");
        StringNode key = src.str("fn::open", "v");
        ObjectNode args = src.obj("o", entry(src.str("provider", "o.provider"), src.str("test", "o.provider")),
                entry(src.str("inputs", "o.inputs"), src.emptyObj("o.inputs")));
        ParsedExpr p = parse(src, src.obj("v", entry(key, args)));
        OpenExpr open = (OpenExpr) p.expr();
        assertThat(p.diagnostics().isEmpty()).isTrue();
        assertThat(open.provider().value()).isEqualTo("test");
        assertThat(open.inputs()).isInstanceOf(ObjectExpr.class);
    }

    @Test
    void openLongFormErrors() {
        TestSource src = new TestSource("doc", "fn::open:\n  inputs: x\n");
        StringNode key = src.str("fn::open", "v");
        ObjectNode args = src.obj("o", entry(src.str("inputs", "o.inputs"), src.str("x", "o.inputs")));
        ParsedExpr missing = parse(src, src.obj("v", entry(key, args)));
        assertThat(errors(missing)).containsExactly("missing provider name ('provider') @ 2:3-2:12 o");

        src = new TestSource("doc", "fn::open:\n  provider: 1\n");
        key = src.str("fn::open", "v");
        args = src.obj("o", entry(src.str("provider", "o.provider"), src.num("1", "o.provider")));
        ParsedExpr bad = parse(src, src.obj("v", entry(key, args)));
        assertThat(errors(bad)).containsExactly(
                "provider name must be a string literal @ 2:13-2:14 o.provider",
                "missing provider inputs ('inputs') @ 2:3-2:14 o");
        assertThat(((OpenExpr) bad.expr()).provider()).isNull();

        assertThat(errors(call("fn::open", "x"))).containsExactly(
                "the argument to fn::open must be an object containing 'provider' and 'inputs' @ 1:11-1:12 v.fn::open");
    }

    @Test
    void openShortFormNamesTheProviderInTheKey() {
        ParsedExpr p = call("fn::open::aws-login", "whatever");
        OpenExpr open = (OpenExpr) p.expr();
        assertThat(p.diagnostics().isEmpty()).isTrue();
        assertThat(open.provider().value()).isEqualTo("aws-login");
        assertThat(open.provider().node()).isSameAs(open.name().node());
        assertThat(open.inputs()).isSameAs(open.args());
    }

    @Test
    void rotateForms() {
        TestSource src = new TestSource("doc", "fn::rotate::swap:\n  inputs: {}\n  state: x\n");
        StringNode key = src.str("fn::rotate::swap", "v");
        ObjectNode args = src.obj("r", entry(src.str("inputs", "r.inputs"), src.emptyObj("r.inputs")),
                entry(src.str("state", "r.state"), src.str("x", "r.state")));
        ParsedExpr p = parse(src, src.obj("v", entry(key, args)));
        RotateExpr rotate = (RotateExpr) p.expr();
        assertThat(rotate.provider().value()).isEqualTo("swap");
        assertThat(errors(p)).containsExactly("rotation state must be an object literal @ 3:10-3:11 r.state");

        src = new TestSource("doc", "fn::rotate:\n  provider: p\n  inputs: {}\n");
        key = src.str("fn::rotate", "v");
        args = src.obj("r", entry(src.str("provider", "r.provider"), src.str("p", "r.provider")),
                entry(src.str("inputs", "r.inputs"), src.emptyObj("r.inputs")));
        p = parse(src, src.obj("v", entry(key, args)));
        rotate = (RotateExpr) p.expr();
        assertThat(p.diagnostics().isEmpty()).isTrue();
        assertThat(rotate.provider().value()).isEqualTo("p");
        assertThat(rotate.state()).isInstanceOf(NullExpr.class);
        assertThat(rotate.state().range()).isNull();

        assertThat(errors(call("fn::rotate::swap", "x"))).containsExactly(
                "the argument to fn::rotate must be an object containing 'inputs' and 'state'"
                        + " @ 1:19-1:20 v.fn::rotate::swap");
        assertThat(errors(call("fn::rotate", "x"))).containsExactly("the argument to fn::rotate must be an object"
                + " containing 'provider', 'inputs' and 'state' @ 1:13-1:14 v.fn::rotate");
    }

    @Test
    void secretForms() {
        SecretExpr plain = (SecretExpr) call("fn::secret", "hush").expr();
        assertThat(plain.plaintext().value()).isEqualTo("hush");
        assertThat(plain.ciphertext()).isNull();

        TestSource src = new TestSource("doc", "fn::secret:\n  ciphertext: ZXNj\n");
        StringNode key = src.str("fn::secret", "v");
        ObjectNode arg = src.obj("s", entry(src.str("ciphertext", "s.ciphertext"), src.str("ZXNj", "s.ciphertext")));
        SecretExpr cipher = (SecretExpr) parse(src, src.obj("v", entry(key, arg))).expr();
        assertThat(cipher.ciphertext().value()).isEqualTo("ZXNj");
        assertThat(cipher.plaintext()).isNull();

        src = new TestSource("doc", "fn::secret: [a]");
        StringNode badKey = src.str("fn::secret", "v");
        ParsedExpr bad = parse(src, src.obj("v", entry(badKey, src.arr("s", src.str("a", "s[0]")))));
        assertThat(errors(bad)).containsExactly("secret values must be string literals @ 1:14-1:15 s");
        assertThat(((SecretExpr) bad.expr()).plaintext().value()).isEmpty();
    }

    @Test
    void validateNeedsSchemaAndValue() {
        TestSource src = new TestSource("doc", "fn::validate:\n  other: 1\n");
        StringNode key = src.str("fn::validate", "v");
        ObjectNode arg = src.obj("a", entry(src.str("other", "a.other"), src.num("1", "a.other")));
        ParsedExpr p = parse(src, src.obj("v", entry(key, arg)));
        assertThat(errors(p)).containsExactly("missing required property 'schema' @ 2:3-2:11 a",
                "missing required property 'value' @ 2:3-2:11 a");
        assertThat(errors(call("fn::validate", "x"))).containsExactly("the argument to fn::validate must be an object"
                + " containing 'schema' and 'value' @ 1:15-1:16 v.fn::validate");
    }

    @Test
    void unknownFnKeysAreReservedAndTheObjectStaysAnObject() {
        ParsedExpr p = call("fn::nope", "x");
        assertThat(p.expr()).isInstanceOf(ObjectExpr.class);
        assertThat(errors(p)).containsExactly("'fn::' is a reserved prefix @ 1:1-1:9 v");
        assertThat(errors(call("FN::Join", "x"))).containsExactly("'fn::' is a reserved prefix @ 1:1-1:9 v");
    }

    @Test
    void aBuiltinMustBeTheOnlyKey() {
        TestSource src = new TestSource("doc", "fn::join: x\nother: y\n");
        ObjectNode node = src.obj("v", entry(src.str("fn::join", "v.fn::join"), src.str("x", "v.fn::join")),
                entry(src.str("other", "v.other"), src.str("y", "v.other")));
        ParsedExpr p = parse(src, node);
        assertThat(p.expr()).isInstanceOf(ObjectExpr.class);
        assertThat(errors(p)).containsExactly("illegal call to builtin function: \"fn::join\" must be the only key"
                + " within its containing object @ 1:1-2:9 v");
    }

    @Test
    void objectKeysAreUnescapedAndMustBeStrings() {
        TestSource src = new TestSource("doc", "a$$b: 1\n${x}: 2\n");
        ObjectNode node = src.obj("v", entry(src.str("a$$b", "v.a$$b"), src.num("1", "v.a$$b")),
                entry(src.str("${x}", "v[\"${x}\"]"), src.num("2", "v[\"${x}\"]")));
        ParsedExpr p = parse(src, node);
        ObjectExpr obj = (ObjectExpr) p.expr();
        assertThat(obj.entries()).extracting(e -> e.key().value()).containsExactly("a$b", "${x}");
        assertThat(errors(p)).containsExactly("object keys must be strings @ 2:1-2:5 v[\"${x}\"]");
    }
}
