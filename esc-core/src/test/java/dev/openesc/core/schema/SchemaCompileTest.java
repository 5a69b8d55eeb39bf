package dev.openesc.core.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SchemaCompileTest {
    private static String error(Schema s) {
        return s.compile().map(SchemaError::message).orElse(null);
    }

    @Test
    void referencesResolveAgainstTheRootDefinitions() {
        Schema target = Schema.string().build();
        Schema ref = Schema.ref("#/$defs/name");
        Schema root = Schema.object().defs(Map.of("name", target)).properties(Map.of("p", ref)).build();
        assertThat(ref.resolvedRef()).isNull();
        assertThat(root.compile()).isEmpty();
        assertThat(ref.resolvedRef()).isSameAs(target);
    }

    @Test
    void referenceNamesArePercentDecoded() {
        Schema target = Schema.number().build();
        Schema root = Schema.untyped().defs(Map.of("a b/c", target)).ref("#/$defs/a%20b%2Fc").build();
        assertThat(root.compile()).isEmpty();
        assertThat(root.resolvedRef()).isSameAs(target);
    }

    @Test
    void recursiveReferencesTerminate() {
        Schema root = Schema.untyped()
                .defs(Map.of("node", Schema.object().additionalProperties(Schema.ref("#/$defs/node"))))
                .ref("#/$defs/node")
                .build();
        assertThat(root.compile()).isEmpty();
        Schema node = root.resolvedRef();
        assertThat(node.additionalProperties().resolvedRef()).isSameAs(node);
    }

    @Test
    void unsupportedAndUnknownReferencesAreErrors() {
        assertThat(error(Schema.ref("http://example.com/x")))
                .isEqualTo("only fragment references of the form #/$defs/ref are supported");
        assertThat(error(Schema.ref("#/$defs/a/b")))
                .isEqualTo("only fragment references of the form #/$defs/ref are supported");
        assertThat(error(Schema.ref("#/$defs/missing"))).isEqualTo("unknown subschema #/$defs/missing");
        assertThat(error(Schema.ref("#/$defs/bad%zz"))).isEqualTo("invalid URL escape \"%zz\"");
        assertThat(error(Schema.ref("#/$defs/bad%2"))).isEqualTo("invalid URL escape \"%2\"");
    }

    @Test
    void referencesInsideDefinitionsAreOnlyCheckedWhenReached() {
        Schema root = Schema.object().defs(Map.of("unused", Schema.ref("#/$defs/nowhere"))).build();
        assertThat(root.compile()).isEmpty();
    }

    @Test
    void countsMustBeNonNegativeIntegers() {
        assertThat(error(Schema.string().minLength(JsonNumber.of("1.5")).build()))
                .isEqualTo("strconv.ParseUint: parsing \"1.5\": invalid syntax");
        assertThat(error(Schema.array().maxItems(JsonNumber.of("-1")).build()))
                .isEqualTo("strconv.ParseUint: parsing \"-1\": invalid syntax");
        assertThat(error(Schema.object().minProperties(JsonNumber.of("18446744073709551616")).build()))
                .isEqualTo("strconv.ParseUint: parsing \"18446744073709551616\": value out of range");
        assertThat(error(Schema.object().maxProperties(JsonNumber.of("18446744073709551615")).build())).isNull();
    }

    @Test
    void patternsMustCompile() {
        assertThat(error(Schema.string().pattern("(").build())).startsWith("error parsing regexp: ");
        assertThat(error(Schema.string().pattern("^a+$").build())).isNull();
    }

    @Test
    void nestedProblemsAreFoundThroughEveryApplicator() {
        Schema bad = Schema.string().pattern("[").build();
        assertThat(error(Schema.anyOf(bad))).isNotNull();
        assertThat(error(Schema.oneOf(Schema.string().pattern("[")))).isNotNull();
        assertThat(error(Schema.tuple(Schema.string().pattern("[")).build())).isNotNull();
        assertThat(error(Schema.array().items(Schema.string().pattern("[")).build())).isNotNull();
        assertThat(error(Schema.object().additionalProperties(Schema.string().pattern("[")).build())).isNotNull();
        assertThat(error(Schema.record(Map.of("p", Schema.string().pattern("["))).build())).isNotNull();
    }

    @Test
    void onlyTheFirstCompilationReportsErrorsLikeTheReference() {
        Schema s = Schema.ref("#/$defs/missing");
        assertThat(s.compile()).isPresent();
        assertThat(s.compile()).isEmpty();
    }

    @Test
    void boundsAreParsed() {
        Schema s = Schema.string().minLength(2).maxLength(5).pattern("b").build();
        CompiledBounds b = s.bounds();
        assertThat(b.minLength()).isEqualTo(2L);
        assertThat(b.maxLength()).isEqualTo(5L);
        assertThat(b.pattern().matcher("abc").find()).isTrue();
        assertThat(b.minItems()).isNull();
        assertThat(Schema.number().minimum("1.5").build().bounds().minimum()).isEqualByComparingTo("1.5");
        assertThat(Schema.string().minLength(JsonNumber.of("1.5")).build().bounds().minLength()).isNull();
    }

    @Test
    void compilationMarksRotateOnlyProperties() {
        Schema next = Schema.string().build();
        Schema other = Schema.string().build();
        Schema inputs = Schema.record(Map.of("next", next, "other", other)).rotateOnly("next", "absent").build();
        assertThat(next.isRotateOnly()).isFalse();
        assertThat(inputs.compile()).isEmpty();
        assertThat(next.isRotateOnly()).isTrue();
        assertThat(inputs.property("next").isRotateOnly()).isTrue();
        assertThat(other.isRotateOnly()).isFalse();
        assertThat(inputs.isRotateOnly()).isFalse();
        // the mark is not part of the schema's JSON
        assertThat(next.toJsonString()).isEqualTo("{\"type\":\"string\"}");
    }

    @Test
    void echoRotatorInputsMarkNext() {
        Schema inputs = TestSchemas.rotator("echo", "inputs");
        assertThat(inputs.compile()).isEmpty();
        assertThat(inputs.property("next").isRotateOnly()).isTrue();
    }
}
