package dev.openesc.core.syntax;

/** A half-open span of a named source document (the environment name, or a file name for loaders). */
public record Range(String filename, Pos start, Pos end) {
    public Range {
        if (start == null) {
            start = Pos.ZERO;
        }
        if (end == null) {
            end = Pos.ZERO;
        }
    }
}
