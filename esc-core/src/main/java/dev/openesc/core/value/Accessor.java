package dev.openesc.core.value;

/** One step of a property path on the wire: an index or a key (exactly one is set), and its source range. */
public record Accessor(Integer index, String key, Range range) {
    public static Accessor index(int i, Range range) {
        return new Accessor(i, null, range);
    }

    public static Accessor key(String k, Range range) {
        return new Accessor(null, k, range);
    }
}
