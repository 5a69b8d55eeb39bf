package dev.openesc.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The schemas of the reference harness's test providers and rotators, as fixed by the corpus. They live in the
 * resource {@code dev/openesc/core/schema/test-providers.json} ({@code providers.<name>.inputs|outputs},
 * {@code rotators.<name>.inputs|state|outputs}) so that other test code (the evaluator harness) can load them;
 * {@link #schemaProviderBuilt()} spells the {@code schema} provider's schema with the builders, as a check that
 * the builders can express every keyword.
 */
public final class TestSchemas {
    public static final String RESOURCE = "/dev/openesc/core/schema/test-providers.json";

    private TestSchemas() {}

    /** The whole fixture document. */
    public static JsonNode fixture() {
        try (InputStream in = TestSchemas.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + RESOURCE);
            }
            return JsonTrees.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A provider's schema: {@code part} is "inputs" or "outputs". */
    public static Schema provider(String name, String part) {
        return Schema.parse(JsonTrees.write(fixture().path("providers").path(name).path(part)));
    }

    /** A rotator's schema: {@code part} is "inputs", "state" or "outputs". */
    public static Schema rotator(String name, String part) {
        return Schema.parse(JsonTrees.write(fixture().path("rotators").path(name).path(part)));
    }

    /** The input (and output) schema of the {@code schema} test provider. */
    public static Schema schemaProviderInputs() {
        return provider("schema", "inputs");
    }

    /** The same schema as {@link #schemaProviderInputs()}, written with the builders. */
    public static Schema schemaProviderBuilt() {
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
        p.put("const-array", Schema.array().constValue(java.util.List.of("hello", JsonNumber.of(42))));
        p.put("const-object", Schema.object().constValue(Map.of("hello", "world")));
        p.put("enum", Schema.string().enumValues("foo", "bar"));
        p.put("never", Schema.never());
        p.put("always", Schema.always());
        p.put("double", Schema.tuple(Schema.string(), Schema.number()));
        p.put("triple", Schema.tuple(Schema.string(), Schema.number(), Schema.bool()));
        p.put("dependentReq", Schema.object()
                .properties(Map.of("foo", Schema.string(), "bar", Schema.number()))
                .dependentRequired(Map.of("foo", java.util.List.of("bar"))));
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
