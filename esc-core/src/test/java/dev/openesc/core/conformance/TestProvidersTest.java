package dev.openesc.core.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openesc.core.provider.EnvironmentLoadException;
import dev.openesc.core.provider.ProviderException;
import dev.openesc.core.schema.Schema;
import dev.openesc.core.testing.Corpus;
import dev.openesc.core.value.ExecContext;
import dev.openesc.core.value.Value;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The test providers' schemas are visible in the expected output (as {@code argSchema} and expression schemas of
 * the check results), so they are checked against the corpus here, where a mistake reads as a mistake of the
 * fixture rather than of the evaluator.
 */
class TestProvidersTest {
    private final TestProviders providers = new TestProviders();

    private static Path caseDir(String name) {
        return Corpus.dir(EvalCase.CORPUS_DIR).resolve(name);
    }

    /** The first expression of a case's check result that calls the builtin {@code name}. */
    private static JsonNode builtinCall(String caseName, String name) {
        JsonNode exprs = JsonTrees.read(caseDir(caseName).resolve("expected.json")).path("check").path("exprs");
        JsonNode found = find(exprs, name);
        assertThat(found).as(name + " in " + caseName).isNotNull();
        return found;
    }

    private static JsonNode find(JsonNode node, String builtin) {
        if (node.isObject() && builtin.equals(node.path("builtin").path("name").asText(null))) {
            return node;
        }
        for (JsonNode child : node) {
            JsonNode found = find(child, builtin);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static void assertSameJson(Schema actual, JsonNode expected) {
        assertThat(JsonDiff.describe(expected, JsonTrees.parse(actual.toJson().toString()), 10)).isNull();
    }

    @Test
    void schemaProviderExercisesTheKeywordsTheCorpusShows() throws ProviderException {
        JsonNode call = builtinCall("schema", "fn::open::schema");
        assertSameJson(providers.loadProvider("schema").inputSchema(), call.path("builtin").path("argSchema"));
    }

    @Test
    void errorProviderTakesWhyAndFailsWithIt() throws ProviderException {
        JsonNode call = builtinCall("open-unknown", "fn::open::error");
        var error = providers.loadProvider("error");
        assertSameJson(error.inputSchema(), call.path("builtin").path("argSchema"));
        assertSameJson(error.outputSchema(), call.path("schema"));
        assertThatThrownBy(() -> error.open(Map.of("why", Value.ofString("testing")), ExecContext.empty()))
                .isInstanceOf(ProviderException.class).hasMessage("testing");
    }

    @Test
    void echoingProvidersAcceptAnything() throws ProviderException {
        for (String name : new String[] {"test", "secret-wrapper"}) {
            var provider = providers.loadProvider(name);
            assertThat(provider.inputSchema().toJson().toString()).isEqualTo("true");
            assertThat(provider.outputSchema().toJson().toString()).isEqualTo("true");
        }
        Value in = Value.ofMap(Map.of("k", Value.ofString("v")));
        assertThat(providers.loadProvider("test").open(in.asMap(), ExecContext.empty()).secret()).isFalse();
        Value wrapped = providers.loadProvider("secret-wrapper").open(in.asMap(), ExecContext.empty());
        assertThat(wrapped.secret()).isTrue();
        assertThat(wrapped.asMap().get("k").secret()).isTrue();
        assertThatThrownBy(() -> providers.loadProvider("nope")).hasMessage("unknown provider \"nope\"");
    }

    @Test
    void rotatorSchemasMatchTheirCalls() throws ProviderException {
        assertRotatorMatchesItsCall("echo", "rotate-state");
        assertRotatorMatchesItsCall("swap", "rotate");
    }

    /** The argSchema of a rotate call is {inputs: inputs, state: oneOf[state, null]}; its schema is the output. */
    private void assertRotatorMatchesItsCall(String name, String caseName) throws ProviderException {
        JsonNode call = builtinCall(caseName, "fn::rotate::" + name);
        JsonNode arguments = call.path("builtin").path("argSchema").path("properties");
        var rotator = providers.loadRotator(name);
        assertSameJson(rotator.inputSchema(), arguments.path("inputs"));
        assertSameJson(rotator.stateSchema(), arguments.path("state").path("oneOf").path(0));
        assertSameJson(rotator.outputSchema(), call.path("schema"));
    }

    @Test
    void rotatorsSwapAndEcho() throws ProviderException {
        Map<String, Value> state = Map.of("a", Value.ofString("1"), "b", Value.ofString("2"));
        Value swapped = providers.loadRotator("swap").rotate(Map.of(), state, ExecContext.empty());
        assertThat(swapped.toJsonString(false)).isEqualTo("{\"a\":\"2\",\"b\":\"1\"}");

        var echo = providers.loadRotator("echo");
        Value rotated = echo.rotate(Map.of("next", Value.ofString("n")), Map.of("current", Value.ofString("c")),
                ExecContext.empty());
        assertThat(rotated.toJsonString(false)).isEqualTo("{\"current\":\"n\",\"previous\":\"c\"}");
        assertThat(echo.rotate(Map.of("next", Value.ofString("n")), null, ExecContext.empty()).toJsonString(false))
                .isEqualTo("{\"current\":\"n\",\"previous\":null}");
        assertThat(echo.open(Map.of(), null, ExecContext.empty()).toJsonString(false)).isEqualTo("{}");
        assertThatThrownBy(() -> echo.open(Map.of("next", Value.ofString("n")), null, ExecContext.empty()))
                .isInstanceOf(ProviderException.class);
    }

    @Test
    void missingImportIsPhrasedLikeTheReference() throws Exception {
        var loader = new CaseEnvironments(caseDir("inline-reference"), "inline-reference", null);
        assertThatThrownBy(() -> loader.load("foo/unknown"))
                .isInstanceOf(EnvironmentLoadException.class)
                .hasMessage("open testdata/eval/inline-reference/foo/unknown.yaml: no such file or directory");
        String expected = JsonTrees.read(caseDir("inline-reference").resolve("expected.json")).toString();
        assertThat(expected).contains("open testdata/eval/inline-reference/foo/unknown.yaml: no such file or directory");

        assertThat(CaseEnvironments.referencePath("c", "/a/../b")).isEqualTo("testdata/eval/c/b.yaml");
        var imports = new CaseEnvironments(caseDir("imports"), "imports", null);
        assertThat(imports.load("/a").definition()).isEqualTo(imports.load("a").definition());
        assertThat(new String(imports.load("a").definition(), java.nio.charset.StandardCharsets.UTF_8))
                .isNotEmpty();
    }
}
