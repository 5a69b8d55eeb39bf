package dev.openesc.core.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SchemaMergeTest {
    private final Schema str = Schema.string().build();
    private final Schema num = Schema.number().build();

    @Test
    void topWinsUnlessBothAreObjects() {
        assertThat(Schema.merged(null, str)).isSameAs(str);
        assertThat(Schema.merged(num, str)).isSameAs(str);
        Schema obj = Schema.record(Map.of("a", str)).build();
        assertThat(Schema.merged(obj, str)).isSameAs(str);
        assertThat(Schema.merged(str, obj)).isSameAs(obj);
        assertThat(Schema.merged(obj, Schema.always())).isSameAs(Schema.always());
    }

    @Test
    void objectPropertiesAreMergedRecursivelyAndAllRequired() {
        Schema base = Schema.record(Map.of("a", str, "nested", Schema.record(Map.of("x", num)))).build();
        Schema top = Schema.object().properties(Map.of("b", num, "nested", Schema.record(Map.of("y", str))))
                .build();
        Schema merged = Schema.merged(base, top);
        assertThat(merged.required()).containsExactly("a", "b", "nested");
        assertThat(merged.property("a")).isSameAs(str);
        assertThat(merged.property("b")).isSameAs(num);
        assertThat(merged.property("nested").required()).containsExactly("x", "y");
        assertThat(merged.additionalProperties()).isNull();
    }

    @Test
    void mergingAMergeOverItsBaseAgainGivesTheSameSchemaWithoutRebuildingIt() {
        Schema base = Schema.record(Map.of("a", str, "nested", Schema.record(Map.of("x", num)))).build();
        Schema top = Schema.recordOf(new java.util.HashMap<>(Map.of("b", num,
                "nested", Schema.recordOf(new java.util.HashMap<>(Map.of("y", str))))));
        Schema once = Schema.merged(base, top);
        assertThat(Schema.merged(base, once)).isSameAs(once);

        // not the same when the base adds something: a property the top lacks, or extra properties
        Schema wider = Schema.record(Map.of("a", str, "c", num)).build();
        Schema again = Schema.merged(wider, once);
        assertThat(again).isNotSameAs(once);
        assertThat(again.required()).containsExactly("a", "b", "c", "nested");
        Schema open = Schema.object().properties(Map.of("a", str)).additionalProperties(str).build();
        assertThat(Schema.merged(open, once).additionalProperties()).isSameAs(str);
        // a top that is not a plain record (here: a description) is rebuilt, dropping what a merge drops
        Schema described = Schema.object().properties(Map.of("a", str)).required("a").description("d").build();
        assertThat(Schema.merged(base, described)).isNotSameAs(described);
        assertThat(Schema.merged(base, described).description()).isEmpty();
    }

    @Test
    void additionalPropertiesComeFromEitherSideOrBecomeAlways() {
        Schema open = Schema.object().additionalProperties(str).build();
        Schema closed = Schema.object().build();
        assertThat(Schema.merged(open, closed).additionalProperties()).isSameAs(str);
        assertThat(Schema.merged(closed, open).additionalProperties()).isSameAs(str);
        assertThat(Schema.merged(open, Schema.object().additionalProperties(num).build()).additionalProperties())
                .isSameAs(Schema.always());
        assertThat(Schema.merged(closed, closed).additionalProperties()).isNull();
    }

    @Test
    void mergeOfRecordsSerialisesLikeTheReference() {
        Schema merged = Schema.merged(Schema.record(Map.of("b", str)).build(), Schema.record(Map.of("a", num)).build());
        assertThat(merged.toJsonString()).isEqualTo("{\"properties\":{\"a\":{\"type\":\"number\"},\"b\":{\"type\":"
                + "\"string\"}},\"type\":\"object\",\"required\":[\"a\",\"b\"]}");
    }
}
