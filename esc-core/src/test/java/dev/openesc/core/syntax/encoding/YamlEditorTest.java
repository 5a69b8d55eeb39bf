package dev.openesc.core.syntax.encoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openesc.core.syntax.StringNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class YamlEditorTest {
    private static YamlEditor load(String yaml) {
        YamlEditor.Loaded loaded = YamlEditor.load("env", yaml.getBytes(StandardCharsets.UTF_8));
        assertThat(loaded.diagnostics().isEmpty()).isTrue();
        return loaded.editor();
    }

    @Test
    void setKeepsCommentsAndLayout() throws Exception {
        YamlEditor e = load("# header\nvalues:\n  # about foo\n  foo: bar # trailing\n  list: [1, 2]\n");
        e.set("values.foo", YamlEditor.parseValue("baz"));
        e.set("values[\"a.b\"].c", YamlEditor.valueOf(StringNode.of("42")));
        assertThat(e.encode(2)).isEqualTo(
                "# header\nvalues:\n  # about foo\n  foo: baz # trailing\n  list: [1, 2]\n  a.b:\n    c: \"42\"\n");
    }

    @Test
    void deleteRemovesEntriesAndElements() throws Exception {
        YamlEditor e = load("values:\n  a: 1\n  b: [x, y, z]\n");
        e.delete("values.b[1]");
        e.delete("values.a");
        e.delete("values.missing");
        assertThat(e.encode(2)).isEqualTo("values:\n  b: [x, z]\n");
    }

    @Test
    void errorsNameThePath() throws Exception {
        YamlEditor e = load("values:\n  a: [1]\n  s: text\n");
        assertThatThrownBy(() -> e.set("values.a[5]", YamlEditor.parseValue("1")))
                .isInstanceOf(YamlEditException.class).hasMessage("values.a[5]: array index out of range");
        assertThatThrownBy(() -> e.set("values.a.x", YamlEditor.parseValue("1")))
                .hasMessage("values.a.x: key for an array must be an int");
        assertThatThrownBy(() -> e.set("values.s.x", YamlEditor.parseValue("1")))
                .hasMessage("values.s.x: expected an array or an object");
        assertThatThrownBy(() -> e.delete("values.a[1]")).hasMessage("values.a[1]: array index out of range");
        assertThatThrownBy(() -> PropertyPath.parse("a[\"b")).isInstanceOf(YamlEditException.class);
    }

    @Test
    void stringsThatNeedQuotingGetQuoted() throws Exception {
        // from the CLI story env-set-string: `esc env set ... path "[a" --string`, then hi\x05world
        YamlEditor e = YamlEditor.load("env", new byte[0]).editor();
        e.set("values.path", YamlEditor.valueOf(StringNode.of("[a")));
        assertThat(e.encode(2)).isEqualTo("values:\n  path: '[a'\n");
        e.set("values.path", YamlEditor.valueOf(StringNode.of("hi\u0005world")));
        assertThat(e.encode(2)).isEqualTo("values:\n  path: \"hi\\x05world\"\n");
    }

    @Test
    void pathsParseLikeTheCli() throws Exception {
        assertThat(PropertyPath.parse("[\"deeply.nested\"].path.an[\"\\\"array[]\\\"\"][0]").accessors())
                .containsExactly("deeply.nested", "path", "an", "\"array[]\"", 0);
        assertThat(PropertyPath.parse("a.b[0][\"x.y\"]").toString()).isEqualTo("a.b[0][\"x.y\"]");
    }
}
