package dev.openesc.core.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchemaAccessTest {
    private final Schema str = Schema.string().build();
    private final Schema num = Schema.number().build();

    @Test
    void tupleElementsComeFromPrefixItemsThenItems() {
        Schema tuple = Schema.tuple(str, num).build();
        assertThat(tuple.item(0)).isSameAs(str);
        assertThat(tuple.item(1)).isSameAs(num);
        assertThat(tuple.item(2).isNever()).isTrue();

        Schema open = Schema.array().prefixItems(str).items(num).build();
        assertThat(open.item(5)).isSameAs(num);
    }

    @Test
    void absentItemsMeanNothingIsKnown() {
        assertThat(Schema.array().build().item(0).isNever()).isTrue();
    }

    @Test
    void nonArraysHaveNoElements() {
        assertThat(Schema.always().item(0).isNever()).isTrue();
        assertThat(Schema.object().additionalProperties(Schema.always()).build().item(0).isNever()).isTrue();
        assertThat(Schema.ref("#/$defs/x").item(0).isNever()).isTrue();
    }

    @Test
    void propertiesComeFromPropertiesThenAdditionalProperties() {
        Schema o = Schema.object().properties(Map.of("a", str)).additionalProperties(num).build();
        assertThat(o.property("a")).isSameAs(str);
        assertThat(o.property("b")).isSameAs(num);
        assertThat(Schema.record(Map.of("a", str)).build().property("b").isNever()).isTrue();
        assertThat(str.property("a").isNever()).isTrue();
    }

    @Test
    void alternativesContributeToAccess() {
        Schema a = Schema.record(Map.of("x", str)).build();
        Schema b = Schema.record(Map.of("x", num)).build();
        Schema c = Schema.record(Map.of("y", num)).build();

        assertThat(Schema.anyOf(a, c).property("x")).isSameAs(str);
        Schema both = Schema.oneOf(a, b).property("x");
        assertThat(both.type()).isEmpty();
        assertThat(both.oneOf()).containsExactly(str, num);
        assertThat(Schema.anyOf(a).toBuilder().oneOf(b).build().property("x").oneOf()).containsExactly(str, num);
        assertThat(Schema.anyOf(Schema.tuple(str), Schema.tuple(num)).item(0).oneOf()).containsExactly(str, num);
    }

    @Test
    void unionDropsAbsentAndNeverSchemas() {
        assertThat(Schema.union(List.of()).isNever()).isTrue();
        assertThat(Schema.union(Arrays.asList(null, Schema.never(), str))).isSameAs(str);
        Schema u = Schema.union(List.of(str, Schema.never(), Schema.always()));
        assertThat(u.oneOf()).containsExactly(str, Schema.always());
        assertThat(u.toJsonString()).isEqualTo("{\"oneOf\":[{\"type\":\"string\"},true],\"type\":\"\"}");
    }

    @Test
    void recordsRequireEveryPropertyInSortedOrder() {
        Schema r = Schema.record(Map.of("b", str, "a", num, "C", str)).build();
        assertThat(r.type()).isEqualTo("object");
        assertThat(r.required()).containsExactly("C", "a", "b");
        assertThat(r.additionalProperties()).isNull();
        assertThat(r.isRequired("a")).isTrue();
    }

    @Test
    void recordOfIsTheRecordOfItsMapInTheMapsOrder() {
        Map<String, Schema> props = new java.util.LinkedHashMap<>();
        props.put("b", str);
        props.put("a", num);
        Schema r = Schema.recordOf(props);
        assertThat(r).isEqualTo(Schema.record(props).build());
        assertThat(r.required()).containsExactly("a", "b");
        assertThat(r.properties().keySet()).containsExactly("b", "a");
        assertThat(r.toJsonString()).isEqualTo(Schema.record(props).build().toJsonString());
    }

    @Test
    void tuplesCloseTheirItems() {
        Schema t = Schema.tuple(str).build();
        assertThat(t.items()).isSameAs(Schema.never());
        assertThat(t.toJsonString()).isEqualTo("{\"prefixItems\":[{\"type\":\"string\"}],\"items\":false,\"type\":\"array\"}");
    }

    @Test
    void literalSchemasDescribeValuesExactly() {
        assertThat(Schema.literal(null)).isEqualTo(Schema.nullType().build());
        assertThat(Schema.literal(true)).isEqualTo(Schema.bool().constValue(true).build());
        assertThat(Schema.literal(JsonNumber.of("42"))).isEqualTo(Schema.number().constValue(JsonNumber.of(42)).build());
        assertThat(Schema.literal(List.of("a", Map.of("k", false))).toJsonString()).isEqualTo(
                "{\"prefixItems\":[{\"type\":\"string\",\"const\":\"a\"},{\"properties\":{\"k\":{\"type\":\"boolean\","
                        + "\"const\":false}},\"type\":\"object\",\"required\":[\"k\"]}],\"items\":false,"
                        + "\"type\":\"array\"}");
    }

    @Test
    void rotateOnlyNamesProperties() {
        Schema s = Schema.record(Map.of("next", str)).rotateOnly("next").build();
        assertThat(s.hasRotateOnlyProperty("next")).isTrue();
        assertThat(s.hasRotateOnlyProperty("other")).isFalse();
    }

    @Test
    void toBuilderDerivesVariants() {
        Schema base = Schema.string().minLength(1).build();
        Schema secret = base.toBuilder().secret().build();
        assertThat(secret.secret()).isTrue();
        assertThat(secret.minLength()).isEqualTo(JsonNumber.of(1));
        assertThat(base.secret()).isFalse();
    }
}
