package dev.openesc.core.syntax.encoding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openesc.core.syntax.Node;
import dev.openesc.core.syntax.ObjectNode;
import dev.openesc.core.syntax.Range;
import dev.openesc.core.syntax.StringNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * An entry decoded for evaluation whose key is a string on one line keeps neither its key node nor its own syntax
 * ({@link CompactEntry}): both are made when asked, and must be what a stored entry holds, every time.
 */
class CompactEntryTest {
    private static ObjectNode values(String yaml) {
        Decoded d = YamlDecoder.decodeSyntaxOnly("env", yaml.getBytes(StandardCharsets.UTF_8), DecodeOptions.DEFAULTS);
        return (ObjectNode) ((ObjectNode) d.node()).get(0).value();
    }

    @Test
    void aOneLineKeyIsMadeWhenAskedAndEqualsTheStoredForm() {
        ObjectNode values = values("values:\n  first: 1\n  héllo: ${first}\n");
        ObjectNode.Entry e = values.get(1);
        assertThat(e).isInstanceOf(CompactEntry.class);
        StringNode key = e.key();
        assertThat(key.value()).isEqualTo("héllo");
        assertThat(e.keyText()).isEqualTo("héllo");
        // the key's range as the full decoding gives it (line 3 from column 3 at byte 21; é is two bytes, and the
        // end column counts them, as the reference's does)
        assertThat(key.syntax().range()).isEqualTo(Range.of("env", 3, 3, 21, 3, 9, 28));
        ObjectNode full = (ObjectNode) ((ObjectNode) YamlDecoder.decode("env",
                "values:\n  first: 1\n  héllo: ${first}\n".getBytes(StandardCharsets.UTF_8)).node()).get(0).value();
        assertThat(key.syntax().range()).isEqualTo(full.get(1).key().syntax().range());
        assertThat(e.syntax().range()).isEqualTo(full.get(1).syntax().range());
        assertThat(key.syntax().path()).isEqualTo("values[\"héllo\"]");
        // the entry spans its mapping, at the key's path
        assertThat(e.syntax().range()).isEqualTo(values.syntax().range());
        assertThat(e.syntax().path()).isEqualTo("values[\"héllo\"]");
        // made again on each call, equal every time, and equal to an entry that stores them
        assertThat(e.key()).isNotSameAs(key).isEqualTo(key);
        ObjectNode.Entry stored = new ObjectNode.Entry(e.syntax(), e.key(), e.value());
        assertThat(e).isEqualTo(stored).hasSameHashCodeAs(stored).hasToString(stored.toString());
        assertThat(stored).isEqualTo(e);
        // the value keeps the mapping's path and the key
        assertThat(e.value().syntax().path()).isEqualTo("values[\"héllo\"]");
    }

    @Test
    void otherKeysAreStoredAsDecoded() {
        ObjectNode values = values("values:\n  ? |\n    two\n    lines\n  : v\n  1: one\n  plain: x\n");
        ObjectNode.Entry block = values.get(0);
        assertThat(block).isNotInstanceOf(CompactEntry.class);
        assertThat(block.key().value()).isEqualTo("two\nlines\n");
        assertThat(block.key().syntax().range().startLine()).isNotEqualTo(block.key().syntax().range().endLine());
        ObjectNode.Entry number = values.get(1);
        assertThat(number).isNotInstanceOf(CompactEntry.class);
        assertThat(number.key()).isNull();
        assertThat(number.keyText()).isNull();
        assertThat(values.get(2)).isInstanceOf(CompactEntry.class);
    }

    @Test
    void nestedKeysAndValuesKeepTheirPaths() {
        ObjectNode values = values("values:\n  a:\n    \"b.c\":\n      - d: ${x}\n");
        ObjectNode a = (ObjectNode) values.get(0).value();
        ObjectNode.Entry bc = a.get(0);
        assertThat(bc.key().syntax().path()).isEqualTo("values.a[\"b.c\"]");
        assertThat(bc.syntax().path()).isEqualTo("values.a[\"b.c\"]");
        Node d = ((ObjectNode) ((dev.openesc.core.syntax.ArrayNode) bc.value()).elements().get(0)).get(0).value();
        assertThat(d.syntax().path()).isEqualTo("values.a[\"b.c\"][0].d");
    }
}
