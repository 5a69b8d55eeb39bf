package dev.openesc.core.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EvalHelpersTest {
    @Test
    void documentPaths() {
        assertThat(Paths.joinKey("", "a")).isEqualTo("a");
        assertThat(Paths.joinKey("a", "b_1")).isEqualTo("a.b_1");
        assertThat(Paths.joinKey("a", "0x")).isEqualTo("a[\"0x\"]");
        assertThat(Paths.joinKey("a", "q\"k")).isEqualTo("a[\"q\\\"k\"]");
        assertThat(Paths.joinKey("a", "")).isEqualTo("a");
        assertThat(Paths.joinIndex("a", 3)).isEqualTo("a[3]");
    }

    @Test
    void rotatePathsBecomeDocumentPaths() {
        assertThat(RotatePaths.toDocPath("examples[\"subscript-path\"][0]"))
                .isEqualTo("values.examples[\"subscript-path\"][0]");
        assertThat(RotatePaths.toDocPath("examples.embedded-in-another-fn[\"fn::open::test\"].some-input"))
                .isEqualTo("values.examples[\"embedded-in-another-fn\"][\"fn::open::test\"][\"some-input\"]");
        assertThat(RotatePaths.toDocPath("a.deeply.nested[0][\"quoted \\\"property\\\"\"].path"))
                .isEqualTo("values.a.deeply.nested[0][\"quoted \\\"property\\\"\"].path");
    }

    @Test
    void unknownPropertySuggestsNearMisses() {
        assertThat(Accesses.unknownProperty("bar", List.of("baz", "hello")))
                .isEqualTo("unknown property \"bar\"; did you mean \"baz\"?");
        assertThat(Accesses.unknownProperty("bar", List.of("foo"))).isEqualTo("unknown property \"bar\"");
        assertThat(Accesses.unknownProperty("x", List.of())).isEqualTo("unknown property \"x\"");
    }

    @Test
    void splitLikeGo() {
        assertThat(Builtins.goSplit("a,b,,c", ",")).containsExactly("a", "b", "", "c");
        assertThat(Builtins.goSplit("", ",")).containsExactly("");
        assertThat(Builtins.goSplit("héllo", "")).containsExactly("h", "é", "l", "l", "o");
    }

    @Test
    void jsonLikeGo() {
        assertThat(GoJson.marshal(java.util.Map.of("b", "<&>", "a", List.of(true)))).isEqualTo(
                "{\"a\":[true],\"b\":\"\\u003c\\u0026\\u003e\"}");
        assertThat(GoJson.parse("{\"n\": 1.50}").asMap().get("n").value().toString()).isEqualTo("1.50");
    }
}
