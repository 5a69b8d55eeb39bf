package dev.openesc.core.ast;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openesc.core.syntax.ArrayNode;
import dev.openesc.core.syntax.Node;
import dev.openesc.core.syntax.ObjectNode;
import dev.openesc.core.syntax.OneNameValue;
import dev.openesc.core.syntax.StringNode;
import dev.openesc.core.syntax.encoding.DecodeOptions;
import dev.openesc.core.syntax.encoding.YamlDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A value decoded for evaluation as its text and name ({@link OneNameValue}) is parsed from them without its node:
 * the expression, its node, its range and path and its name's range must be what parsing the value's node gives.
 */
class OneNameValueParseTest {
    private static final String DOC = String.join("\n",
            "values:",
            "  plain: item-1-${link7}",
            "  symbol: ${link7}",
            "  wide: 名前-${link7}",
            "  dotted: x-${a.b}",
            "  escaped: x-$${a}",
            "  quoted: \"q-${link7}\"",
            "  single: 'q-${other}'",
            "  odd-name: a b-${n-1_x:y}",
            "  nested:",
            "    inner: deep-${link7}",
            "    list:",
            "      - e: el-${link7}",
            "  flow: {f: \"fl-${link7}\", g: 1}",
            "  next:",
            "    nl-${link7}",
            "  last: end-${link8}");

    @Test
    void theValuesAreReadFromTheirPartsAsFromTheirNodes() {
        byte[] source = DOC.getBytes(StandardCharsets.UTF_8);
        for (byte[] doc : List.of(source, (DOC + "\n").getBytes(StandardCharsets.UTF_8))) {
            Node root = YamlDecoder.decodeSyntaxOnly("env", doc, DecodeOptions.DEFAULTS).node();
            EnvironmentDecl decl = EnvironmentParser.parse(doc, root).decl();
            ObjectNode values = (ObjectNode) ((ObjectNode) root).get(0).value();
            ObjectNode full = (ObjectNode) ((ObjectNode) YamlDecoder.decode("env", doc).node()).get(0).value();
            List<String> compact = new ArrayList<>();
            compare(values, full, decl.values().entries(), doc, compact);
            // the decoder keeps the plain, single- and double-quoted one-name values on their key's line and the
            // nested ones as parts
            assertThat(compact).containsExactly("plain", "quoted", "single", "odd-name", "inner", "e", "f", "last");
        }
    }

    private static void compare(ObjectNode node, ObjectNode full, List<ObjectProperty> props, byte[] doc,
            List<String> compact) {
        assertThat(props).hasSize(node.size());
        for (int i = 0; i < node.size(); i++) {
            ObjectNode.Entry entry = node.get(i);
            // the entry as the editors' decoding stores it: the same key, ranges and value
            assertThat(entry.key().syntax().range()).isEqualTo(full.get(i).key().syntax().range());
            assertThat(entry.syntax().range()).isEqualTo(full.get(i).syntax().range());
            assertThat(entry.value().syntax().range()).isEqualTo(full.get(i).value().syntax().range());
            Expr parsed = props.get(i).value();
            Expr fromNode = ExprParser.parse(entry.value(), doc).expr();
            assertThat(parsed).isEqualTo(fromNode).hasSameHashCodeAs(fromNode).hasToString(fromNode.toString());
            assertThat(parsed.node()).isEqualTo(fromNode.node()).isEqualTo(entry.value());
            assertThat(parsed.range()).isEqualTo(fromNode.range());
            assertThat(parsed.path()).isEqualTo(fromNode.path());
            if (entry instanceof OneNameValue v) {
                compact.add(entry.keyText());
                assertThat(entry.value()).isNotSameAs(entry.value());
                assertThat(((StringNode) entry.value()).value())
                        .isEqualTo(v.valueText() + "${" + v.valueName() + "}");
                InterpolateExpr x = (InterpolateExpr) parsed;
                InterpolateExpr y = (InterpolateExpr) fromNode;
                PropertyAccessor a = x.parts().get(0).value().accessors().get(0);
                PropertyAccessor b = y.parts().get(0).value().accessors().get(0);
                assertThat(a.range()).isEqualTo(b.range());
                assertThat(((PropertyName) a).name()).isEqualTo(((PropertyName) b).name());
            }
            if (parsed instanceof ObjectExpr o) {
                compare((ObjectNode) entry.value(), (ObjectNode) full.get(i).value(), o.entries(), doc, compact);
            } else if (parsed instanceof ArrayExpr a) {
                for (int j = 0; j < a.elements().size(); j++) {
                    compare((ObjectNode) ((ArrayNode) entry.value()).elements().get(j),
                            (ObjectNode) ((ArrayNode) full.get(i).value()).elements().get(j),
                            ((ObjectExpr) a.elements().get(j)).entries(), doc, compact);
                }
            }
        }
    }
}
