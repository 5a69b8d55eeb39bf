package dev.openesc.core.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openesc.core.testing.Corpus;
import org.junit.jupiter.api.Test;

class TestSchemasTest {
    @Test
    void builtSchemaProviderSchemaEqualsTheFixture() {
        assertThat(TestSchemas.schemaProviderBuilt()).isEqualTo(TestSchemas.schemaProviderInputs());
        assertThat(JsonTrees.difference(TestSchemas.schemaProviderInputs().toJson(),
                TestSchemas.schemaProviderBuilt().toJson(), true)).isNull();
    }

    @Test
    void schemaProviderSchemaIsWhatTheReferenceReportsForItsOutput() {
        JsonNode expected = JsonTrees.read(Corpus.dir("esc/eval/testdata/eval/schema").resolve("expected.json"));
        JsonNode sink = expected.path("check").path("schema").path("properties").path("sink");
        assertThat(JsonTrees.difference(sink, TestSchemas.schemaProviderBuilt().toJson(), true)).isNull();
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
        Schema s = TestSchemas.schemaProviderBuilt();
        assertThat(s.compile()).isEmpty();
        Schema ref = s.properties().get("ref");
        assertThat(ref.resolvedRef()).isSameAs(s.defs().get("defRecord"));
    }
}
