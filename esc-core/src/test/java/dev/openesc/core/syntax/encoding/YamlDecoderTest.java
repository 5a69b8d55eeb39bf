package dev.openesc.core.syntax.encoding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openesc.core.syntax.ArrayNode;
import dev.openesc.core.syntax.BooleanNode;
import dev.openesc.core.syntax.Diagnostic;
import dev.openesc.core.syntax.DocumentNode;
import dev.openesc.core.syntax.Node;
import dev.openesc.core.syntax.NullNode;
import dev.openesc.core.syntax.NumberNode;
import dev.openesc.core.syntax.ObjectNode;
import dev.openesc.core.syntax.StringNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class YamlDecoderTest {
    private static Decoded decode(String yaml) {
        return YamlDecoder.decode("env", yaml.getBytes(StandardCharsets.UTF_8));
    }

    private static Diagnostic onlyError(Decoded d) {
        assertThat(d.diagnostics().size()).as("diagnostics %s", d.diagnostics()).isEqualTo(1);
        Diagnostic diag = d.diagnostics().get(0);
        assertThat(diag.isError()).isTrue();
        return diag;
    }

    private static List<Node> values(Node n) {
        return ((ArrayNode) ((ObjectNode) n).get(0).value()).elements();
    }

    @Test
    void unterminatedFlowSequenceIsWordedLikeTheReference() {
        Decoded d = decode("values:\n  some_unterminated_list: [hello, world\n");
        assertThat(d.node()).isNull();
        Diagnostic diag = onlyError(d);
        assertThat(diag.summary()).isEqualTo("yaml: line 1: did not find expected ',' or ']'");
        assertThat(diag.subject()).isNull();
        assertThat(diag.path()).isEmpty();
    }

    @Test
    void unterminatedFlowMapping() {
        assertThat(onlyError(decode("values: {a: 1\n")).summary())
                .isEqualTo("yaml: line 1: did not find expected ',' or '}'");
    }

    @Test
    void tabIndentation() {
        Decoded d = decode("values:\n\tfoo: bar\n");
        assertThat(d.node()).isNull();
        assertThat(onlyError(d).summary()).isEqualTo("yaml: line 2: found character that cannot start any token");
    }

    @Test
    void invalidUtf8SaysWhere() {
        Decoded d = YamlDecoder.decode("env", new byte[] {'a', ':', ' ', 'x', '\n', 'b', ':', ' ', (byte) 0xC3, 0x28});
        assertThat(d.node()).isNull();
        assertThat(onlyError(d).summary())
                .isEqualTo("yaml: line 2, column 4 (byte 8): invalid trailing UTF-8 octet");
        assertThat(onlyError(YamlDecoder.decode("env", new byte[] {'a', ':', ' ', (byte) 0xFF})).summary())
                .isEqualTo("yaml: line 1, column 4 (byte 3): invalid leading UTF-8 octet");
        assertThat(onlyError(YamlDecoder.decode("env", new byte[] {'a', ':', ' ', (byte) 0xE4, (byte) 0xB8}))
                .summary()).isEqualTo("yaml: line 1, column 4 (byte 3): incomplete UTF-8 octet sequence");
    }

    @Test
    void controlCharacters() {
        assertThat(onlyError(decode("a: \u0001b\n")).summary())
                .isEqualTo("yaml: line 1, column 4: control characters are not allowed");
    }

    @Test
    void otherSyntaxErrors() {
        assertThat(onlyError(decode("a: b: c\n")).summary())
                .isEqualTo("yaml: mapping values are not allowed in this context");
        assertThat(onlyError(decode("a:\n  b: 1\n c: 2\n")).summary())
                .isEqualTo("yaml: line 2: did not find expected key");
        assertThat(onlyError(decode("a: \"abc\n")).summary())
                .isEqualTo("yaml: line 2: found unexpected end of stream");
    }

    @Test
    void hundredThousandLevelsOfNestingIsADiagnostic() {
        Decoded d = decode("[".repeat(100_000));
        assertThat(d.node()).isNull();
        assertThat(onlyError(d).summary())
                .isEqualTo("yaml: line 1, column 1001: nesting is deeper than the limit of 1000 levels");
        StringBuilder block = new StringBuilder();
        for (int i = 0; i < 1200; i++) {
            block.append(" ".repeat(i)).append("k:\n");
        }
        assertThat(onlyError(decode(block.toString())).summary()).contains("nesting is deeper than the limit");
    }

    @Test
    void depthLimitIsConfigurable() {
        Decoded ok = YamlDecoder.decode("env", "a: [[[1]]]".getBytes(StandardCharsets.UTF_8),
                new DecodeOptions(1024, 4));
        assertThat(ok.diagnostics().isEmpty()).isTrue();
        Decoded deep = YamlDecoder.decode("env", "a: [[[[1]]]]".getBytes(StandardCharsets.UTF_8),
                new DecodeOptions(1024, 4));
        assertThat(onlyError(deep).summary())
                .isEqualTo("yaml: line 1, column 7: nesting is deeper than the limit of 4 levels");
    }

    @Test
    void oversizedDocumentIsRefusedUnparsed() {
        byte[] big = new byte[50 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) '[');
        Decoded d = YamlDecoder.decode("env", big);
        assertThat(d.node()).isNull();
        assertThat(onlyError(d).summary())
                .isEqualTo("yaml: document is 52428800 bytes, larger than the limit of 16777216 bytes");
        Decoded small = YamlDecoder.decode("env", "a: 1234567".getBytes(StandardCharsets.UTF_8),
                new DecodeOptions(5, 10));
        assertThat(onlyError(small).summary())
                .isEqualTo("yaml: document is 10 bytes, larger than the limit of 5 bytes");
    }

    @Test
    void emptyAndCommentOnlyDocumentsAreEmptyDocuments() {
        for (String yaml : new String[] {"", "# just a comment\n", "\n\n"}) {
            Decoded d = decode(yaml);
            assertThat(d.diagnostics().isEmpty()).isTrue();
            assertThat(d.node()).isInstanceOf(DocumentNode.class);
            assertThat(((DocumentNode) d.node()).content()).isNull();
        }
    }

    @Test
    void coreSchemaTypingAndNumberNormalisation() {
        Decoded d = decode("a: [1.50, 3.0, 0x1F, 017, 1e6, 1234567.0, .5, 1_000, +12, 18446744073709551615,"
                + " 99999999999999999999, yes, on, 'true', ~, null, True, 2001-12-14, .inf, 0o17, 0b101]");
        assertThat(d.diagnostics().isEmpty()).isTrue();
        List<String> shown = new ArrayList<>();
        for (Node n : values(d.node())) {
            shown.add(n.getClass().getSimpleName().replace("Node", "") + ":" + n);
        }
        assertThat(shown).containsExactly("Number:1.5", "Number:3", "Number:31", "Number:15", "Number:1e+06",
                "Number:1.234567e+06", "Number:0.5", "Number:1000", "Number:12", "Number:18446744073709551615",
                "Number:1e+20", "String:yes", "String:on", "String:true", "Null:null", "Null:null",
                "Boolean:true", "String:2001-12-14", "Number:+Inf", "Number:15", "Number:5");
    }

    @Test
    void tagsAreIgnored() {
        ObjectNode o = (ObjectNode) decode("a: !tag 42\nb: !!str 7\nc: !x [1]\n").node();
        assertThat(o.get(0).value()).isEqualTo(o.get(0).value());
        assertThat(o.get(0).value()).isInstanceOf(StringNode.class);
        assertThat(((StringNode) o.get(1).value()).value()).isEqualTo("7");
        assertThat(((ArrayNode) o.get(2).value()).get(0)).isInstanceOf(NumberNode.class);
    }

    @Test
    void aliasesAreRejectedWithTheirRangeAndPath() {
        Decoded d = decode("foo: &a bar\nlist:\n  - *a\n");
        Diagnostic diag = onlyError(d);
        assertThat(diag.summary()).isEqualTo("alias nodes are not supported");
        assertThat(diag.path()).isEqualTo("list[0]");
        assertThat(diag.subject().start().line()).isEqualTo(3);
        assertThat(diag.subject().start().column()).isEqualTo(5);
        // the array keeps a null placeholder so the rest of the document is still there
        assertThat(((ArrayNode) ((ObjectNode) d.node()).get(1).value()).get(0)).isInstanceOf(NullNode.class);
    }

    @Test
    void mergeKeysAreOrdinaryKeysAndTheirAliasIsRejected() {
        Decoded d = decode("a: &x {b: 1}\nc:\n  <<: *x\n");
        assertThat(onlyError(d).summary()).isEqualTo("alias nodes are not supported");
        assertThat(onlyError(d).path()).isEqualTo("c[\"<<\"]");
    }

    @Test
    void nonStringKeysAreRejected() {
        Decoded d = decode("1: a\ntrue: b\n");
        assertThat(d.diagnostics().size()).isEqualTo(2);
        assertThat(d.diagnostics().get(0).summary()).isEqualTo("mapping keys must be strings");
        assertThat(d.diagnostics().get(0).path()).isEqualTo("[\"1\"]");
        assertThat(d.diagnostics().get(1).path()).isEqualTo("true");
    }

    @Test
    void pathsQuoteKeysThatAreNotIdentifiers() {
        ObjectNode root = (ObjectNode) decode("values:\n  foo:\n    - {\"a.b\": 1, c\"d: 2}\n").node();
        ObjectNode inner = (ObjectNode) ((ArrayNode) ((ObjectNode) root.get(0).value()).get(0).value()).get(0);
        assertThat(inner.get(0).value().syntax().path()).isEqualTo("values.foo[0][\"a.b\"]");
        assertThat(inner.get(1).value().syntax().path()).isEqualTo("values.foo[0][\"c\\\"d\"]");
        assertThat(inner.get(0).key().syntax().path()).isEqualTo("values.foo[0][\"a.b\"]");
    }

    @Test
    void onlyTheFirstDocumentIsRead() {
        ObjectNode o = (ObjectNode) decode("a: 1\n---\nb: [\n").node();
        assertThat(o.size()).isEqualTo(1);
        assertThat(o.get(0).key().value()).isEqualTo("a");
    }

    @Test
    void yamlSyntaxKeepsTheCommentsForReencoding() {
        ObjectNode o = (ObjectNode) decode("# head\na: b # line\n").node();
        YamlSyntax key = (YamlSyntax) o.get(0).key().syntax();
        YamlSyntax value = (YamlSyntax) o.get(0).value().syntax();
        assertThat(key.headComment()).isEqualTo("# head");
        assertThat(value.lineComment()).isEqualTo("# line");
        assertThat(o.get(0).value()).isInstanceOf(StringNode.class);
        assertThat(decode("a: false").node()).isInstanceOf(ObjectNode.class);
        assertThat(((ObjectNode) decode("a: false").node()).get(0).value()).isInstanceOf(BooleanNode.class);
    }
}
