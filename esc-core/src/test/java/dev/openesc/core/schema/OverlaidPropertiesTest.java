package dev.openesc.core.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A large record merged over a small one keeps a view of both instead of a copied table; the view must read exactly
 * like the table it replaces: the base's properties first (merged where the top has them too), then the top's
 * others, with the same size, lookups, equality and JSON.
 */
class OverlaidPropertiesTest {
    private static Map<String, Schema> record(int from, int to, String prefix) {
        Map<String, Schema> m = new LinkedHashMap<>();
        for (int i = from; i < to; i++) {
            m.put("p" + i, Schema.recordOf(Map.of(prefix, Schema.literal(prefix + i))));
        }
        return m;
    }

    /** The merge as a copied table, the way SchemaMerge builds it for small records. */
    private static Map<String, Schema> copied(Map<String, Schema> base, Map<String, Schema> top) {
        Map<String, Schema> out = new LinkedHashMap<>(base);
        top.forEach((k, v) -> out.put(k, base.containsKey(k) ? Schema.merged(base.get(k), v) : v));
        return out;
    }

    @Test
    void aLargeRecordOverASmallOneReadsLikeTheCopiedMerge() {
        Map<String, Schema> base = record(290, 310, "base");
        base.put("only-base", Schema.literal("b"));
        Map<String, Schema> top = record(0, 300, "top");
        Schema merged = Schema.merged(Schema.recordOf(base), Schema.recordOf(top));
        Map<String, Schema> expected = copied(base, top);

        Map<String, Schema> actual = merged.properties();
        assertThat(new ArrayList<>(actual.entrySet())).isEqualTo(new ArrayList<>(expected.entrySet()));
        assertThat(actual).hasSize(expected.size()).isEqualTo(expected);
        assertThat(actual.hashCode()).isEqualTo(expected.hashCode());
        // a name on both sides is the merge of both: an object with both sides' properties
        assertThat(actual.get("p295").properties()).containsOnlyKeys("base", "top");
        assertThat(actual.get("p5").properties()).containsOnlyKeys("top");
        assertThat(actual.get("p305").properties()).containsOnlyKeys("base");
        assertThat(actual.get("only-base")).isEqualTo(Schema.literal("b"));
        assertThat(actual.get("absent")).isNull();
        assertThat(actual.containsKey("only-base")).isTrue();
        assertThat(actual.containsKey("absent")).isFalse();
        assertThat(merged.toJsonString())
                .isEqualTo(Schema.merged(Schema.recordOf(base), Schema.recordOf(new LinkedHashMap<>(top)))
                        .toJsonString());
        List<String> visited = new ArrayList<>();
        actual.forEach((k, v) -> {
            assertThat(v).isEqualTo(expected.get(k));
            visited.add(k);
        });
        assertThat(visited).containsExactlyElementsOf(expected.keySet());
        List<String> keys = new ArrayList<>(actual.keySet());
        assertThat(keys.subList(0, base.size())).containsExactlyElementsOf(base.keySet());
    }

    @Test
    void aLargeRecordOverALargeOneIsCopied() {
        Map<String, Schema> base = record(0, 300, "base");
        Map<String, Schema> top = record(100, 400, "top");
        Schema merged = Schema.merged(Schema.recordOf(base), Schema.recordOf(top));
        assertThat(merged.properties()).isEqualTo(copied(base, top)).hasSize(400);
        assertThat(new ArrayList<>(merged.properties().keySet()))
                .containsExactlyElementsOf(copied(base, top).keySet());
    }
}
