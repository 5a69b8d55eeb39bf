package dev.openesc.core.syntax.encoding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openesc.core.syntax.ArrayNode;
import dev.openesc.core.syntax.BooleanNode;
import dev.openesc.core.syntax.NullNode;
import dev.openesc.core.syntax.NumberNode;
import dev.openesc.core.syntax.ObjectNode;
import dev.openesc.core.syntax.StringNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class YamlEncoderTest {
    private static String reencode(String yaml) {
        Decoded d = YamlDecoder.decode("env", yaml.getBytes(StandardCharsets.UTF_8));
        assertThat(d.diagnostics().isEmpty()).as("%s", d.diagnostics()).isTrue();
        return YamlEncoder.encode(d.node(), 2).text();
    }

    @Test
    void keepsComments() {
        assertThat(reencode("# about the file\n\nimports:\n  - a # why a\n# the values\nvalues:\n  k: v\n"))
                .isEqualTo("# about the file\n\nimports:\n  - a # why a\n# the values\nvalues:\n  k: v\n");
        assertThat(reencode("values: # note\n  k: v\n")).isEqualTo("values: # note\n  k: v\n");
        assertThat(reencode("a: 1\n# trailing\n")).isEqualTo("a: 1\n# trailing\n");
    }

    @Test
    void keepsCommentsWhereTheyWere() {
        String items = "list:\n  # first\n  - a: 1\n    # inner\n    b: 2\n  # second\n  - c\n";
        assertThat(reencode(items)).isEqualTo(items);
        assertThat(reencode("a:\n  x: 1\n  # trailing in a\n\nb: 2\n"))
                .isEqualTo("a:\n  x: 1\n  # trailing in a\nb: 2\n");
        assertThat(reencode("a:\n    # odd\n  b: 1\n")).isEqualTo("a:\n  b: 1\n# odd\n");
        assertThat(reencode("a: |  # lit\n  text\nb: [1, 2] # flow\n"))
                .isEqualTo("a: | # lit\n  text\nb: [1, 2] # flow\n");
    }

    @Test
    void keepsLiteralSpellingsAndStyles() {
        assertThat(reencode("a: 1.50\nb: 0x1F\nc: 'single'\nd: \"double\"\ne: ~\nf: [1, {g: h}]\n"))
                .isEqualTo("a: 1.50\nb: 0x1F\nc: 'single'\nd: \"double\"\ne: ~\nf: [1, {g: h}]\n");
    }

    @Test
    void newNodesGetTheEmittersDefaults() {
        ObjectNode o = ObjectNode.of(
                ObjectNode.Entry.of("s", StringNode.of("hello world")),
                ObjectNode.Entry.of("n", NumberNode.of("42")),
                ObjectNode.Entry.of("looksNumeric", StringNode.of("42")),
                ObjectNode.Entry.of("looksBool", StringNode.of("true")),
                ObjectNode.Entry.of("colon", StringNode.of("a: b")),
                ObjectNode.Entry.of("multi", StringNode.of("line1\nline2\n")),
                // like the reference, an untagged new empty string is written plain (it reads back as null);
                // values set through YamlEditor.valueOf are tagged and come out as ""
                ObjectNode.Entry.of("empty", StringNode.of("")),
                ObjectNode.Entry.of("list", ArrayNode.of(BooleanNode.of(false), NullNode.of())),
                ObjectNode.Entry.of("emptyList", ArrayNode.of()),
                ObjectNode.Entry.of("nested", ObjectNode.of(ObjectNode.Entry.of("x", StringNode.of("𐀀")))));
        assertThat(YamlEncoder.encode(o, 2).text()).isEqualTo("s: hello world\nn: 42\nlooksNumeric: '42'\n"
                + "looksBool: 'true'\ncolon: 'a: b'\nmulti: |\n  line1\n  line2\nempty:\nlist:\n  - false\n"
                + "  - null\nemptyList: []\nnested:\n  x: \"\\U00010000\"\n");
    }

    @Test
    void sequencesOfMappingsAlignAfterTheDash() {
        assertThat(reencode("a:\n- x: 1\n  y:\n    z: 2\n")).isEqualTo("a:\n  - x: 1\n    y:\n      z: 2\n");
        Decoded d = YamlDecoder.decode("env", "a:\n- x: 1\n  y:\n    z: 2\n".getBytes(StandardCharsets.UTF_8));
        assertThat(YamlEncoder.encode(d.node(), 4).text()).isEqualTo("a:\n    - x: 1\n      y:\n        z: 2\n");
    }

    @Test
    void missingNodesAreReported() {
        Decoded d = YamlDecoder.decode("env", "a: &x 1\nb: *x\n".getBytes(StandardCharsets.UTF_8));
        YamlEncoder.Encoded e = YamlEncoder.encode(d.node(), 2);
        assertThat(e.text()).isEqualTo("a: 1\nb: null\n");
        assertThat(e.diagnostics().get(0).summary()).isEqualTo("nil nodes are not supported");
    }
}
