package dev.openesc.core.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchemaCompatibilityTest {
    /** Locations as dotted paths, prefixed to messages like the reference does for non-literal values. */
    private static final SchemaCompatibility.Locations<String> PATHS = new SchemaCompatibility.Locations<>() {
        @Override
        public String index(String at, int index) {
            return at + "[" + index + "]";
        }

        @Override
        public String property(String at, String name) {
            return at.isEmpty() ? name : at + "." + name;
        }
    };

    private static List<String> messages(Schema actual, Schema accept) {
        List<String> out = new ArrayList<>();
        for (var p : SchemaCompatibility.check(actual, accept, "", PATHS).problems()) {
            out.add(p.location().isEmpty() ? p.message() : p.location() + ": " + p.message());
        }
        return out;
    }

    private final Schema provider = TestSchemas.schemaProviderInputs();

    private Schema p(String name) {
        return provider.properties().get(name);
    }

    /** The sink of the schema-error case takes unknown outputs of the same provider, checked schema to schema. */
    @Test
    void theSchemaErrorCaseCheckDiagnostics() {
        assertThat(provider.compile()).isEmpty();
        assertThat(messages(p("null"), p("boolean"))).containsExactly("expected boolean, got null");
        assertThat(messages(p("array"), p("string"))).containsExactly("expected string, got array");
        assertThat(messages(p("record"), p("number"))).containsExactly("expected number, got object");
        assertThat(messages(p("always"), p("record"))).isEmpty();
        assertThat(messages(p("false"), p("anyOf"))).containsExactly(
                "expected string, got boolean", "expected number, got boolean", "at least one subschema must match");
        assertThat(messages(p("false"), p("oneOf"))).containsExactly(
                "expected string, got boolean", "expected number, got boolean", "at least one subschema must match");
        assertThat(messages(p("string"), p("const-array"))).containsExactly("expected array, got string");
        assertThat(messages(p("string"), p("const-object"))).containsExactly("expected object, got string");
        assertThat(messages(p("string"), p("enum"))).isEmpty();
        assertThat(messages(p("record"), p("dependentReq"))).containsExactly("bar: missing required property");
        assertThat(messages(p("pi"), p("multiple"))).isEmpty();
        assertThat(messages(p("string"), p("minLength"))).isEmpty();
    }

    @Test
    void neverFailsSilently() {
        var triple = SchemaCompatibility.check(p("triple"), p("double"), "", PATHS);
        assertThat(triple.ok()).isFalse();
        assertThat(triple.problems()).isEmpty();
        var dbl = SchemaCompatibility.check(p("double"), p("triple"), "", PATHS);
        assertThat(dbl.ok()).isFalse();
        assertThat(dbl.problems()).isEmpty();
        assertThat(SchemaCompatibility.check(Schema.always(), Schema.never(), "", PATHS).ok()).isFalse();
    }

    @Test
    void unknownSidesPass() {
        assertThat(SchemaCompatibility.check(null, p("string"), "", PATHS).ok()).isTrue();
        assertThat(SchemaCompatibility.check(Schema.always(), p("string"), "", PATHS).ok()).isTrue();
        assertThat(SchemaCompatibility.check(p("string"), null, "", PATHS).ok()).isTrue();
        assertThat(SchemaCompatibility.check(Schema.untyped().build(), p("string"), "", PATHS).ok()).isTrue();
    }

    @Test
    void elementsAndPropertiesAreBlamedAtTheirLocations() {
        Schema actual = Schema.tuple(Schema.number(), Schema.bool()).build();
        Schema accept = Schema.array().items(Schema.string()).build();
        assertThat(messages(actual, accept)).containsExactly("[0]: expected string, got number",
                "[1]: expected string, got boolean");

        Schema actualObj = Schema.record(Map.of("a", Schema.number())).build();
        Schema acceptObj = Schema.record(Map.of("a", Schema.string(), "b", Schema.string())).build();
        assertThat(messages(actualObj, acceptObj)).containsExactly("a: expected string, got number",
                "b: missing required property");
    }

    @Test
    void openActualsMustFitTheAcceptedOpenParts() {
        Schema map = Schema.object().additionalProperties(Schema.number()).build();
        Schema strings = Schema.object().additionalProperties(Schema.string()).build();
        assertThat(messages(map, strings)).containsExactly("expected string, got number");
        Schema list = Schema.array().items(Schema.number()).build();
        assertThat(messages(list, Schema.array().items(Schema.string()).build()))
                .containsExactly("expected string, got number");
        assertThat(messages(list, Schema.array().items(Schema.number()).build())).isEmpty();
    }

    @Test
    void alternativesOfTheActualSchema() {
        Schema either = Schema.oneOf(Schema.string(), Schema.number());
        assertThat(messages(either, Schema.string().build())).isEmpty();
        assertThat(messages(either, Schema.bool().build())).containsExactly(
                "expected boolean, got string", "expected boolean, got number", "at least one subschema must match");
    }

    @Test
    void compiledReferencesAreFollowed() {
        assertThat(provider.compile()).isEmpty();
        assertThat(messages(Schema.record(Map.of("baz", Schema.number())).build(), p("ref")))
                .containsExactly("baz: expected string, got number");
    }
}
