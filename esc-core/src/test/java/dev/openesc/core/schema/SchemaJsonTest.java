package dev.openesc.core.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchemaJsonTest {
    private static void assertJson(ToSchema s, String expected) {
        assertThat(s.toSchema().toJsonString()).isEqualTo(expected);
        // and back again
        assertThat(Schema.parse(expected)).isEqualTo(s.toSchema());
    }

    @Test
    void booleanSchemasAreWrittenAsBooleans() {
        assertJson(Schema.always(), "true");
        assertJson(Schema.never(), "false");
        assertThat(Schema.parse("true").isAlways()).isTrue();
        assertThat(Schema.parse("false").isNever()).isTrue();
    }

    @Test
    void topLevelNullReadsAsNever() {
        assertThat(Schema.parse("null")).isSameAs(Schema.never());
    }

    @Test
    void typeIsAlwaysWrittenEvenWhenEmpty() {
        assertJson(Schema.untyped(), "{\"type\":\"\"}");
        assertJson(Schema.string(), "{\"type\":\"string\"}");
        assertJson(Schema.nullType(), "{\"type\":\"null\"}");
    }

    @Test
    void constantsOfEveryKind() {
        assertJson(Schema.string().constValue("hi"), "{\"type\":\"string\",\"const\":\"hi\"}");
        assertJson(Schema.bool().constValue(false), "{\"type\":\"boolean\",\"const\":false}");
        assertJson(Schema.number().constValue(JsonNumber.of("3.14")), "{\"type\":\"number\",\"const\":3.14}");
        assertJson(Schema.number().constValue(JsonNumber.of(42)), "{\"type\":\"number\",\"const\":42}");
        assertJson(Schema.array().constValue(List.of("hello", JsonNumber.of(42))),
                "{\"type\":\"array\",\"const\":[\"hello\",42]}");
        Map<String, Object> unsorted = new LinkedHashMap<>();
        unsorted.put("z", true);
        unsorted.put("a", JsonNumber.of("1.5"));
        assertJson(Schema.object().constValue(unsorted), "{\"type\":\"object\",\"const\":{\"a\":1.5,\"z\":true}}");
    }

    @Test
    void javaNumbersBecomeJsonNumbers() {
        assertThat(Schema.number().constValue(7).build().constValue()).isEqualTo(JsonNumber.of("7"));
        assertThat(Schema.number().constValue(new java.math.BigDecimal("1.50")).build().constValue())
                .isEqualTo(JsonNumber.of("1.5"));
        assertThat(Schema.number().constValue(2.0).build().constValue()).isEqualTo(JsonNumber.of("2"));
    }

    @Test
    void numberTextIsKeptExactly() {
        Schema s = Schema.parse("{\"type\":\"number\",\"const\":1.50,\"minimum\":1e3}");
        assertThat(s.constValue()).isEqualTo(JsonNumber.of("1.50"));
        assertThat(s.minimum()).isEqualTo(JsonNumber.of("1e3"));
    }

    @Test
    void keywordsAreWrittenInTheReferenceOrder() {
        Schema s = Schema.object()
                .secret()
                .rotateOnly("b")
                .examples(Map.of("a", "x"))
                .deprecated(true)
                .defaultValue(Map.of())
                .description("d")
                .title("t")
                .dependentRequired(Map.of("a", List.of("b")))
                .required("a")
                .minProperties(1)
                .maxProperties(2)
                .properties(Map.of("a", Schema.string(), "b", Schema.number()))
                .additionalProperties(Schema.never())
                .defs(Map.of("x", Schema.always()))
                .ref("#/$defs/x")
                .anyOf(Schema.object())
                .oneOf(Schema.object())
                .build();
        assertThat(s.toJsonString()).isEqualTo("{\"$defs\":{\"x\":true},\"$ref\":\"#/$defs/x\","
                + "\"anyOf\":[{\"type\":\"object\"}],\"oneOf\":[{\"type\":\"object\"}],\"additionalProperties\":false,"
                + "\"properties\":{\"a\":{\"type\":\"string\"},\"b\":{\"type\":\"number\"}},\"type\":\"object\","
                + "\"maxProperties\":2,\"minProperties\":1,\"required\":[\"a\"],\"dependentRequired\":{\"a\":[\"b\"]},"
                + "\"title\":\"t\",\"description\":\"d\",\"default\":{},\"deprecated\":true,"
                + "\"examples\":[{\"a\":\"x\"}],\"secret\":true,\"rotateOnly\":[\"b\"]}");
        assertThat(Schema.parse(s.toJsonString())).isEqualTo(s);
    }

    @Test
    void arrayStringAndNumberKeywordsInOrder() {
        assertJson(Schema.array().prefixItems(Schema.string()).items(Schema.never()).minItems(1).maxItems(3)
                        .uniqueItems(true),
                "{\"prefixItems\":[{\"type\":\"string\"}],\"items\":false,\"type\":\"array\",\"maxItems\":3,"
                        + "\"minItems\":1,\"uniqueItems\":true}");
        assertJson(Schema.string().enumValues("a", "b").minLength(1).maxLength(2).pattern("^a"),
                "{\"type\":\"string\",\"enum\":[\"a\",\"b\"],\"maxLength\":2,\"minLength\":1,\"pattern\":\"^a\"}");
        assertJson(Schema.number().multipleOf("2").maximum("10").exclusiveMaximum("11").minimum("0")
                        .exclusiveMinimum("-1"),
                "{\"type\":\"number\",\"multipleOf\":2,\"maximum\":10,\"exclusiveMaximum\":11,\"minimum\":0,"
                        + "\"exclusiveMinimum\":-1}");
    }

    @Test
    void emptyCollectionsAndFalseFlagsAreOmitted() {
        Schema s = Schema.object().properties(Map.of()).required(List.of()).anyOf(List.of()).uniqueItems(false)
                .secret(false).build();
        assertThat(s.toJsonString()).isEqualTo("{\"type\":\"object\"}");
    }

    @Test
    void absentItemsDiffersFromNeverItems() {
        assertThat(Schema.array().build().toJsonString()).isEqualTo("{\"type\":\"array\"}");
        assertThat(Schema.array().items(Schema.never()).build().toJsonString())
                .isEqualTo("{\"items\":false,\"type\":\"array\"}");
        assertThat(Schema.parse("{\"type\":\"array\",\"items\":null}").items()).isNull();
    }

    @Test
    void mapKeysAreSortedByCodePoint() {
        Map<String, ToSchema> props = new LinkedHashMap<>();
        props.put("b", Schema.always());
        props.put("\uD83D\uDE00", Schema.always()); // U+1F600, sorts after U+FF5E as in UTF-8
        props.put("\uFF5E", Schema.always());
        props.put("a", Schema.always());
        assertThat(Schema.object().properties(props).build().toJsonString())
                .isEqualTo("{\"properties\":{\"a\":true,\"b\":true,\"\uFF5E\":true,\"\uD83D\uDE00\":true},"
                        + "\"type\":\"object\"}");
    }

    @Test
    void unknownKeywordsAreIgnoredAndNamesMatchCaseInsensitively() {
        Schema s = Schema.parse("{\"TYPE\":\"string\",\"format\":\"uri\",\"MinLength\":2,\"$comment\":\"x\"}");
        assertThat(s).isEqualTo(Schema.string().minLength(2).build());
        Schema exactWins = Schema.parse("{\"type\":\"string\",\"Type\":\"number\"}");
        assertThat(exactWins.type()).isEqualTo("string");
    }

    @Test
    void numericKeywordsAcceptNumberStrings() {
        assertThat(Schema.parse("{\"type\":\"string\",\"maxLength\":\"4\"}").maxLength()).isEqualTo(JsonNumber.of(4));
        assertThatThrownBy(() -> Schema.parse("{\"maxLength\":\"four\"}"))
                .isInstanceOf(SchemaFormatException.class)
                .hasMessageContaining("/maxLength");
    }

    @Test
    void nullKeywordsAreAbsent() {
        assertThat(Schema.parse("{\"type\":null,\"const\":null,\"properties\":null,\"required\":null}"))
                .isEqualTo(Schema.untyped().build());
    }

    @Test
    void malformedSchemasAreRejectedWithTheirLocation() {
        assertThatThrownBy(() -> Schema.parse("{\"properties\":{\"a\":3}}"))
                .isInstanceOf(SchemaFormatException.class)
                .hasMessage("invalid schema at /properties/a: expected a schema (an object or a boolean), got number");
        assertThatThrownBy(() -> Schema.parse("{\"type\":5}")).hasMessageContaining("expected a string, got number");
        assertThatThrownBy(() -> Schema.parse("[1]")).hasMessageContaining("got array");
        assertThatThrownBy(() -> Schema.parse("{")).isInstanceOf(SchemaFormatException.class);
        assertThatThrownBy(() -> Schema.parse("true false")).isInstanceOf(SchemaFormatException.class);
    }

    @Test
    void jacksonTreesAndPlainValuesReadTheSameWay() {
        String json = "{\"type\":\"object\",\"properties\":{\"n\":{\"type\":\"number\",\"const\":2.5}},"
                + "\"required\":[\"n\"]}";
        Schema fromText = Schema.parse(json);
        assertThat(Schema.fromJson(JsonTrees.read(json))).isEqualTo(fromText);
        assertThat(Schema.fromValue(Map.of("type", "object", "properties",
                Map.of("n", Map.of("type", "number", "const", JsonNumber.of("2.5"))), "required", List.of("n"))))
                .isEqualTo(fromText);
        assertThat(JsonTrees.difference(JsonTrees.read(json), fromText.toJson(), false)).isNull();
    }

    @Test
    void theDocumentSchemaOfTheCorpusReadsAndCompiles() {
        var file = dev.openesc.core.testing.Corpus.dir("esc/schema/testdata").resolve("esc.json");
        Schema s = Schema.fromJson(JsonTrees.read(file));
        assertThat(s.title()).isEqualTo("Pulumi ESC Environment Schema");
        assertThat(s.compile()).isEmpty();
        // the root has no "type", so property access on it knows nothing, as in the reference
        assertThat(s.property("values").isNever()).isTrue();
        Schema value = s.properties().get("values").property("anything");
        assertThat(value.ref()).isEqualTo("#/$defs/value");
        assertThat(value.resolvedRef().anyOf()).isNotEmpty();
    }
}
