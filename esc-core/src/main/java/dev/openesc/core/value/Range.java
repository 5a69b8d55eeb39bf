package dev.openesc.core.value;

import dev.openesc.core.syntax.Pos;

/**
 * A source range on the wire: the environment it belongs to (omitted from JSON when empty) and its begin and end
 * positions ({@code {"line", "column", "byte"}}).
 */
public record Range(String environment, Pos begin, Pos end) {
    public Range {
        environment = environment == null ? "" : environment;
        begin = begin == null ? Pos.ZERO : begin;
        end = end == null ? Pos.ZERO : end;
    }

    /** The empty range: no environment, zero positions. */
    public static final Range NONE = new Range("", Pos.ZERO, Pos.ZERO);

    /** A range that only names an environment. */
    public static Range of(String environment) {
        return new Range(environment, Pos.ZERO, Pos.ZERO);
    }

    /**
     * Converts a syntax range to its wire form; a missing range becomes one that only names the given environment.
     */
    public static Range from(dev.openesc.core.syntax.Range r, String environment) {
        if (r == null) {
            return of(environment);
        }
        return new Range(r.filename(), r.start(), r.end());
    }
}
