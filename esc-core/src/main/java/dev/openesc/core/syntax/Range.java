package dev.openesc.core.syntax;

import java.util.Objects;

/**
 * A half-open span of a named source document (the environment name, or a file name for loaders).
 *
 * <p>Kept as one object of six ints rather than a pair of {@link Pos} objects: every syntax node and every accessor
 * inside an interpolation has a range, and for an environment of 100,000 values the two positions per range were
 * 600,000 live objects. {@link #start()} and {@link #end()} build their position on each call; they compare equal
 * to the positions given to the constructor. See decisions.md, entry 8.
 *
 * <p>Not final for one reason: a node decoded for evaluation only has a range and a path and nothing else, and its
 * syntax is a subclass of its range that adds the path (decisions.md, entry 18), one object instead of two. A
 * subclass adds no state to equality: a range equals any range of the same span and name.
 */
public class Range {
    private final String filename;
    private final int startLine;
    private final int startColumn;
    private final int startByte;
    private final int endLine;
    private final int endColumn;
    private final int endByte;
    /**
     * The wire form of this range, made by {@code value.Range.from} on first use and kept here so that every
     * export of the same definition shares it (decisions.md, entries 20 and 36: the hot paths of the exporter keep
     * the syntax range itself instead). Typed Object because the wire model builds on this package, not the other
     * way round. Not part of equality.
     */
    private Object wireForm;

    /** A range between two positions; a null position stands for {@link Pos#ZERO}. */
    public Range(String filename, Pos start, Pos end) {
        this(filename,
                start == null ? 0 : start.line(), start == null ? 0 : start.column(),
                start == null ? 0 : start.byteOffset(),
                end == null ? 0 : end.line(), end == null ? 0 : end.column(), end == null ? 0 : end.byteOffset());
    }

    protected Range(String filename, int startLine, int startColumn, int startByte, int endLine, int endColumn,
            int endByte) {
        this.filename = filename;
        this.startLine = startLine;
        this.startColumn = startColumn;
        this.startByte = startByte;
        this.endLine = endLine;
        this.endColumn = endColumn;
        this.endByte = endByte;
    }

    /** The same span and name as {@code span}, for subclasses. */
    protected Range(Range span) {
        this(span.filename, span.startLine, span.startColumn, span.startByte, span.endLine, span.endColumn,
                span.endByte);
    }

    /** A range from its parts: 1-based lines and columns, 0-based byte offsets. */
    public static Range of(String filename, int startLine, int startColumn, int startByte, int endLine,
            int endColumn, int endByte) {
        return new Range(filename, startLine, startColumn, startByte, endLine, endColumn, endByte);
    }

    /** The same span, named after another document. */
    public Range withFilename(String name) {
        return Objects.equals(name, filename) ? this
                : new Range(name, startLine, startColumn, startByte, endLine, endColumn, endByte);
    }

    /** The memo of {@code value.Range.from}; null until it is first made. Not for other uses. */
    public Object wireForm() {
        return wireForm;
    }

    /** Keeps {@code wire} as this range's wire form (see {@link #wireForm()}). */
    public void rememberWireForm(Object wire) {
        wireForm = wire;
    }

    public String filename() {
        return filename;
    }

    public Pos start() {
        return new Pos(startLine, startColumn, startByte);
    }

    public Pos end() {
        return new Pos(endLine, endColumn, endByte);
    }

    public int startLine() {
        return startLine;
    }

    public int startColumn() {
        return startColumn;
    }

    public int startByte() {
        return startByte;
    }

    public int endLine() {
        return endLine;
    }

    public int endColumn() {
        return endColumn;
    }

    public int endByte() {
        return endByte;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Range r && startLine == r.startLine && startColumn == r.startColumn
                && startByte == r.startByte && endLine == r.endLine && endColumn == r.endColumn
                && endByte == r.endByte && Objects.equals(filename, r.filename);
    }

    @Override
    public int hashCode() {
        return Objects.hash(filename, start(), end());
    }

    /** The text a record of (filename, start, end) would print. */
    @Override
    public String toString() {
        return "Range[filename=" + filename + ", start=" + start() + ", end=" + end() + "]";
    }
}
