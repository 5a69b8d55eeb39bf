package dev.openesc.core.syntax;

/**
 * A position in a source document: 1-based line and column (columns count characters), 0-based byte offset.
 * Matches the wire shape {@code {"line", "column", "byte"}}.
 */
public record Pos(int line, int column, int byteOffset) {
    public static final Pos ZERO = new Pos(0, 0, 0);
}
