package dev.openesc.core.value;

import java.util.List;

/** One part of an interpolated string: literal text followed by an optional reference. */
public record Interpolation(String text, List<PropertyAccessor> value) {
    /**
     * The parts of an interpolated string that is one text followed by a reference of one key: the list
     * {@code [Interpolation(text, [PropertyAccessor(Accessor.key(key, keyRange), value)])]}, equal to it in every
     * respect, held as one object. Its element is built each time it is read. The evaluator exports the
     * expression of every value of an environment in every pass, and most values of a large environment have this
     * shape: kept as five objects (two lists, the part, the accessor and its step), they were most of what the
     * collector copied of an exported expression (docs/benchmarks.md, "Pipeline, round 12").
     */
    public static List<Interpolation> ofOneKey(String text, String key, Range keyRange, Range value) {
        return new OneKeyInterpolation(text, key, keyRange, value);
    }
}
