package dev.openesc.core.schema;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The schema of a value merged over a base value per JSON merge patch (used when environments import each other
 * and for the root environment's schema). Only object-over-object merges combine anything: properties of both
 * sides are kept (merged recursively where both have them) and all become required; in every other case the top
 * schema replaces the base.
 */
final class SchemaMerge {
    private SchemaMerge() {}

    /** From this many properties on, a record merged over a small one keeps a view of both (OverlaidProperties). */
    private static final int LARGE_RECORD = 256;

    static Schema merged(Schema base, Schema top) {
        if (base == null || !top.hasType("object") || !base.hasType("object")) {
            return top;
        }

        // When both sides admit extra properties there is no single schema to pick, so anything goes.
        Schema additional = top.additionalProperties();
        if (base.additionalProperties() != null) {
            additional = additional == null ? base.additionalProperties() : Schema.always();
        }
        if (top.plainRecord && additional == top.additionalProperties() && holdsMergeOver(top, base)) {
            return top;
        }

        // only over a small base: a view over a large one would make lookups walk a chain of views
        if (top.properties().size() >= LARGE_RECORD && base.properties().size() < LARGE_RECORD) {
            return Schema.adoptedRecord(new OverlaidProperties(base.properties(), top.properties()), additional);
        }
        int size = base.properties().size() + top.properties().size();
        Map<String, Schema> properties = new LinkedHashMap<>(Math.max(16, (int) (size / 0.75f) + 1));
        properties.putAll(base.properties());
        // the base is looked up rather than the map being built: the same answer (the map holds only the base's
        // properties and the top's, each top name once), from the usually small base instead of the large result
        Map<String, Schema> baseProperties = base.properties();
        top.properties().forEach((name, topProperty) -> {
            Schema baseProperty = baseProperties.get(name);
            properties.put(name, baseProperty == null ? topProperty : merged(baseProperty, topProperty));
        });

        // the merged map is ours alone: the schema keeps it instead of copying it once more
        return Schema.adoptedRecord(properties, additional);
    }

    /**
     * True when merging {@code base} under the record {@code top} would give {@code top} again: every base
     * property is already in top, and merging it changes nothing there. The evaluator merges the root
     * environment's schema over its imports a second time (the reference does too), when the top is already that
     * merge; recognising it spares a copy of a map as large as the environment. Looks only at the base's
     * properties, usually few.
     */
    private static boolean holdsMergeOver(Schema top, Schema base) {
        for (Map.Entry<String, Schema> e : base.properties().entrySet()) {
            Schema topProperty = top.properties().get(e.getKey());
            if (topProperty == null || merged(e.getValue(), topProperty) != topProperty) {
                return false;
            }
        }
        return true;
    }
}
