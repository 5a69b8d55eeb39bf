package dev.openesc.core.ast;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openesc.core.syntax.Diagnostics;
import dev.openesc.core.syntax.Node;
import dev.openesc.core.syntax.ObjectNode;
import dev.openesc.core.syntax.encoding.DecodeOptions;
import dev.openesc.core.syntax.encoding.YamlDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A property whose key is its entry's own does not store the key literal, and reads exactly as one that does. */
class ObjectPropertyTest {
    private static ObjectExpr object(String yaml) {
        byte[] source = yaml.getBytes(StandardCharsets.UTF_8);
        Node root = YamlDecoder.decodeSyntaxOnly("env", source, DecodeOptions.DEFAULTS).node();
        return (ObjectExpr) ExprParser.parse(root, source).expr();
    }

    @Test
    void anOwnKeyIsMadeWhenAskedAndEqualsAStoredOne() {
        ObjectProperty p = object("a: 1\n").entries().get(0);
        assertThat(p.keyText()).isEqualTo("a");
        assertThat(p.key()).isEqualTo(StringExpr.of(p.entry().key()));
        assertThat(p.key().range()).isEqualTo(p.entry().key().syntax().range());
        ObjectProperty stored = new ObjectProperty(p.entry(), StringExpr.of(p.entry().key()), p.value(), false);
        assertThat(stored).isEqualTo(p).hasSameHashCodeAs(p).hasToString(p.toString());
        assertThat(stored.key()).isEqualTo(p.key());
    }

    @Test
    void aKeyThatReadsOtherwiseThanWrittenIsStored() {
        ObjectProperty p = object("a$$b: 1\n").entries().get(0);
        assertThat(p.keyText()).isEqualTo("a$b");
        assertThat(p.key().value()).isEqualTo("a$b");
        assertThat(p.entry().keyText()).isEqualTo("a$$b");
        ObjectProperty rejected = object("a${b}: 1\n").entries().get(0);
        assertThat(rejected.rejected()).isTrue();
        assertThat(rejected.keyText()).isEqualTo("a${b}");
    }

    @Test
    void theValuesSectionReadsItsKeysAsWritten() {
        byte[] source = "values:\n  fn::x: 1\n  k: v\n".getBytes(StandardCharsets.UTF_8);
        Node root = YamlDecoder.decodeSyntaxOnly("env", source, DecodeOptions.DEFAULTS).node();
        EnvironmentParser.Parsed parsed = EnvironmentParser.parse(source, root);
        ObjectProperty call = parsed.decl().values().entries().get(0);
        assertThat(call.rejected()).isTrue();
        assertThat(call.key()).isEqualTo(StringExpr.of(call.entry().key()));
        Diagnostics diags = parsed.diags();
        assertThat(diags.asList()).singleElement().satisfies(d -> {
            assertThat(d.summary()).contains("builtin function call \"fn::x\" not allowed at the top level");
            assertThat(d.subject()).isEqualTo(call.entry().key().syntax().range());
            assertThat(d.path()).isEqualTo("values[\"fn::x\"]");
        });
        assertThat(parsed.decl().values().entries().get(1).keyText()).isEqualTo("k");
    }
}
