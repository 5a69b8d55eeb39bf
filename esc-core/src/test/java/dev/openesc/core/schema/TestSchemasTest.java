package dev.openesc.core.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openesc.core.testing.Corpus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestSchemasTest {
    @Test
    void builtSchemaProviderSchemaEqualsTheFixture() {
        assertThat(schemaProviderBuilt()).isEqualTo(TestSchemas.schemaProviderInputs());
        assertThat(JsonTrees.difference(TestSchemas.schemaProviderInputs().toJson(),
                schemaProviderBuilt().toJson(), true)).isNull();
    }

    @Test
    void schemaProviderSchemaIsWhatTheReferenceReportsForItsOutput() {
        JsonNode expected = JsonTrees.read(Corpus.dir("esc/eval/testdata/eval/schema").resolve("expected.json"));
        JsonNode sink = expected.path("check").path("schema").path("properties").path("sink");
        assertThat(JsonTrees.difference(sink, schemaProviderBuilt().toJson(), true)).isNull();
    }

    @Test
    void everyFixtureSchemaCompiles() {
        for (String provider : new String[] {"test", "secret-wrapper", "error", "schema"}) {
            assertThat(TestSchemas.provider(provider, "inputs").compile()).isEmpty();
            assertThat(TestSchemas.provider(provider, "outputs").compile()).isEmpty();
        }
        for (String rotator : new String[] {"swap", "echo"}) {
            for (String part : new String[] {"inputs", "state", "outputs"}) {
                assertThat(TestSchemas.rotator(rotator, part).compile()).isEmpty();
            }
        }
        assertThat(TestSchemas.rotator("echo", "inputs").hasRotateOnlyProperty("next")).isTrue();
    }

    @Test
    void compiledReferenceOfTheSchemaProviderPointsAtItsDefinition() {
        Schema s = schemaProviderBuilt();
        assertThat(s.compile()).isEmpty();
        Schema ref = s.properties().get("ref");
        assertThat(ref.resolvedRef()).isSameAs(s.defs().get("defRecord"));
    }

    /**
     * The {@code schema} provider's schema spelled with the builders, as a check that they can express every keyword
     * the fixture uses.
     */
    private static Schema schemaProviderBuilt() {
        Map<String, ToSchema> p = new LinkedHashMap<>();
        p.put("null", Schema.nullType());
        p.put("boolean", Schema.bool());
        p.put("false", Schema.bool().constValue(false));
        p.put("true", Schema.bool().constValue(true));
        p.put("number", Schema.number());
        p.put("pi", Schema.number().constValue(JsonNumber.of("3.14")));
        p.put("string", Schema.string());
        p.put("hello", Schema.string().constValue("hello"));
        p.put("array", Schema.array().items(Schema.always()));
        p.put("tuple", Schema.tuple(Schema.string().constValue("hello"), Schema.string().constValue("world")));
        p.put("map", Schema.object().additionalProperties(Schema.always()));
        p.put("record", Schema.record(Map.of("foo", Schema.string())));
        p.put("anyOf", Schema.anyOf(Schema.string(), Schema.number()));
        p.put("oneOf", Schema.oneOf(Schema.string(), Schema.number()));
        p.put("ref", Schema.ref("#/$defs/defRecord"));
        p.put("const-array", Schema.array().constValue(List.of("hello", JsonNumber.of(42))));
        p.put("const-object", Schema.object().constValue(Map.of("hello", "world")));
        p.put("enum", Schema.string().enumValues("foo", "bar"));
        p.put("never", Schema.never());
        p.put("always", Schema.always());
        p.put("double", Schema.tuple(Schema.string(), Schema.number()));
        p.put("triple", Schema.tuple(Schema.string(), Schema.number(), Schema.bool()));
        p.put("dependentReq", Schema.object()
                .properties(Map.of("foo", Schema.string(), "bar", Schema.number()))
                .dependentRequired(Map.of("foo", List.of("bar"))));
        p.put("multiple", Schema.number().multipleOf("2"));
        p.put("minimum", Schema.number().minimum("1"));
        p.put("exclusiveMinimum", Schema.number().exclusiveMinimum("1"));
        p.put("maximum", Schema.number().maximum("1"));
        p.put("exclusiveMaximum", Schema.number().exclusiveMaximum("1"));
        p.put("minLength", Schema.string().minLength(1));
        p.put("maxLength", Schema.string().maxLength(1));
        p.put("pattern", Schema.string().pattern("^foo[0-9]+$"));
        p.put("minItems", Schema.array().minItems(3));
        p.put("maxItems", Schema.array().maxItems(2));
        p.put("minProperties", Schema.object().minProperties(1));
        p.put("maxProperties", Schema.object().maxProperties(1));
        return Schema.object()
                .defs(Map.of("defRecord", Schema.record(Map.of("baz", Schema.string().constValue("qux")))))
                .properties(p)
                .build();
    }
}
