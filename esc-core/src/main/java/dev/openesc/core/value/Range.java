package dev.openesc.core.value;

import dev.openesc.core.syntax.Pos;
import java.util.Objects;

/**
 * A source range on the wire: the environment it belongs to (omitted from JSON when empty) and its begin and end
 * positions ({@code {"line", "column", "byte"}}).
 *
 * <p>The positions are held as the syntax range they came from, shared rather than copied: an evaluated
 * environment has a wire range per expression and per accessor, each the range of a syntax node. {@link #begin()}
 * and {@link #end()} build their position on each call. See decisions.md, entry 8.
 */
public final class Range {
    /** The empty range: no environment, zero positions. */
    public static final Range NONE = new Range("", Pos.ZERO, Pos.ZERO);

    private final String environment;
    private final dev.openesc.core.syntax.Range span;

    /** A range between two positions; null stands for no environment and for {@link Pos#ZERO}. */
    public Range(String environment, Pos begin, Pos end) {
        this(environment, new dev.openesc.core.syntax.Range(null, begin, end));
    }

    /** The wire form of {@code span}, named after its document (see {@link Trace#located}). */
    Range(String environment, dev.openesc.core.syntax.Range span) {
        this.environment = environment == null ? "" : environment;
        this.span = span;
    }

    /** A range that only names an environment. */
    public static Range of(String environment) {
        return new Range(environment, NONE.span);
    }

    /**
     * Converts a syntax range to its wire form; a missing range becomes one that only names the given environment.
     * The wire range names the syntax range's own document, and is made once per syntax range and then shared
     * (see {@link Trace#located}).
     */
    public static Range from(dev.openesc.core.syntax.Range r, String environment) {
        if (r == null) {
            return of(environment);
        }
        Object memo = r.wireForm();
        if (memo instanceof Range wire) {
            return wire;
        }
        Range wire = new Range(r.filename(), r);
        r.rememberWireForm(wire);
        return wire;
    }

    /**
     * The wire form of a syntax range, as {@link #from} makes it, without keeping it on the span: the one kept there
     * if {@link #from} made one, else a new one.
     */
    static Range wireFormOf(dev.openesc.core.syntax.Range span) {
        return span.wireForm() instanceof Range wire ? wire : new Range(span.filename(), span);
    }

    public String environment() {
        return environment;
    }

    public Pos begin() {
        return span.start();
    }

    public Pos end() {
        return span.end();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Range r && environment.equals(r.environment) && begin().equals(r.begin())
                && end().equals(r.end());
    }

    @Override
    public int hashCode() {
        return Objects.hash(environment, begin(), end());
    }

    /** The text a record of (environment, begin, end) would print. */
    @Override
    public String toString() {
        return "Range[environment=" + environment + ", begin=" + begin() + ", end=" + end() + "]";
    }
}
