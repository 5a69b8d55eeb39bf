package dev.openesc.core.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openesc.core.testing.Corpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every schema the reference serialised in the evaluator corpus ({@code schema} and {@code argSchema} members of
 * each expected.json) must read back and write out to the same JSON, members in the same order.
 */
class CorpusSchemaRoundTripTest {
    private record Found(String where, JsonNode schema) {}

    private static List<Found> corpusSchemas() throws IOException {
        List<Found> found = new ArrayList<>();
        for (Path c : Corpus.list("esc/eval/testdata/eval", c -> Files.exists(c.resolve("expected.json")))) {
            collect(c.getFileName().toString(), JsonTrees.read(c.resolve("expected.json")), found);
        }
        return found;
    }

    private static void collect(String at, JsonNode node, List<Found> out) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                String where = at + "/" + e.getKey();
                if (e.getKey().equals("schema") || e.getKey().equals("argSchema")) {
                    out.add(new Found(where, e.getValue()));
                } else {
                    collect(where, e.getValue(), out);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(at + "/" + i, node.get(i), out);
            }
        }
    }

    @Test
    void everyCorpusSchemaRoundTripsFromText() throws IOException {
        List<Found> schemas = corpusSchemas();
        assertThat(schemas).hasSizeGreaterThan(1500);
        List<String> failures = new ArrayList<>();
        for (Found f : schemas) {
            Schema parsed = Schema.parse(JsonTrees.write(f.schema()));
            String diff = JsonTrees.difference(f.schema(), parsed.toJson(), true);
            if (diff != null) {
                failures.add(f.where() + " " + diff);
            }
            // the text form must read back to an equal schema as well
            assertThat(Schema.parse(parsed.toJsonString())).isEqualTo(parsed);
            // and the streamed form is the tree's text, byte for byte
            assertThat(streamed(parsed)).as(f.where())
                    .isEqualTo(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(parsed.toJson()))
                    .isEqualTo(parsed.toJsonString());
        }
        assertThat(failures).isEmpty();
    }

    private static String streamed(Schema schema) throws IOException {
        java.io.StringWriter out = new java.io.StringWriter();
        try (com.fasterxml.jackson.core.JsonGenerator g = new com.fasterxml.jackson.core.JsonFactory()
                .createGenerator(out)) {
            schema.writeJson(g);
        }
        return out.toString();
    }

    @Test
    void everyCorpusSchemaRoundTripsFromTree() throws IOException {
        List<String> failures = new ArrayList<>();
        for (Found f : corpusSchemas()) {
            Schema parsed = Schema.fromJson(f.schema());
            String diff = JsonTrees.difference(f.schema(), parsed.toJson(), true);
            if (diff != null) {
                failures.add(f.where() + " " + diff);
            }
        }
        assertThat(failures).isEmpty();
    }

    /**
     * References are resolved against the schema being compiled, so an environment schema that embeds a provider's
     * schema (with its own $defs) does not compile as a whole, exactly as in the reference, which never compiles
     * those. Every embedded schema that carries $defs must compile, and so must every schema without references.
     */
    @Test
    void everyCorpusSchemaRootCompiles() throws IOException {
        int compiled = 0;
        for (Found f : corpusSchemas()) {
            List<JsonNode> roots = new ArrayList<>();
            if (!JsonTrees.write(f.schema()).contains("\"$ref\"")) {
                roots.add(f.schema());
            }
            roots.addAll(f.schema().findParents("$defs"));
            for (JsonNode root : roots) {
                assertThat(Schema.fromJson(root).compile()).as(f.where()).isEmpty();
                compiled++;
            }
        }
        assertThat(compiled).isGreaterThan(1500);
    }
}
