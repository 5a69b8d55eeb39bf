package dev.openesc.core.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EvalHelpersTest {
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
    void jsonParsingKeepsNumberText() {
        assertThat(GoJson.parse("{\"n\": 1.50}").asMap().get("n").value().toString()).isEqualTo("1.50");
    }
}
