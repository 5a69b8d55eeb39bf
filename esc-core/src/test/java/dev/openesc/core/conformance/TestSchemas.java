package dev.openesc.core.conformance;

import dev.openesc.core.schema.JsonNumber;
import dev.openesc.core.schema.Schema;
import dev.openesc.core.schema.ToSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The schemas of the test providers and rotators that are more than "anything goes". */
final class TestSchemas {
    private TestSchemas() {}

    /**
     * The {@code schema} provider's input and output schema: one property per schema keyword, so that the
     * {@code schema} and {@code schema-error} cases exercise validation of each.
     */
    static Schema everyKeyword() {
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

        p.put("const-array", Schema.array().constValue(List.of("hello", JsonNumber.of("42"))));
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

    /** {@code swap}'s state and output: {@code {a: string, b: string}}, both required. */
    static Schema swapPair() {
        return Schema.record(Map.of("a", Schema.string(), "b", Schema.string())).build();
    }

    /** {@code echo}'s inputs: {@code next}, a string that is only evaluated during a rotation. */
    static Schema echoInputs() {
        return Schema.record(Map.of("next", Schema.string())).rotateOnly("next").build();
    }

    /** {@code echo}'s state and output: {@code current} (required) and {@code previous}. */
    static Schema echoState() {
        return Schema.object()
                .properties(Map.of("current", Schema.string(), "previous", Schema.string()))
                .required("current")
                .build();
    }
}
