package dev.openesc.core.ast;

/**
 * The document text a syntax tree was decoded from, with the byte offset where each line starts, so that a
 * (line, column) position can be turned into a byte offset without rescanning the document. The line table is
 * built on first use: most documents never need it.
 */
final class SourceLines {
    private final byte[] source;
    private int[] lineStarts;

    SourceLines(byte[] source) {
        this.source = source;
    }

    int length() {
        return source.length;
    }

    /** The byte at an offset below {@link #length()}. */
    byte byteAt(int offset) {
        return source[offset];
    }

    /**
     * The byte offset of a 1-based line and column (columns count code points, as YAML does), or -1 when the line
     * does not exist. A column past the end of its line gives the line's end.
     */
    int offsetOf(int line, int column) {
        int[] starts = lineStarts();
        if (line < 1 || line > starts.length) {
            return -1;
        }
        int offset = starts[line - 1];
        int lineEnd = line < starts.length ? starts[line] - 1 : source.length;
        for (int col = 1; col < column && offset < lineEnd; col++) {
            offset += utf8Length(source[offset]);
        }
        return Math.min(offset, lineEnd);
    }

    private int[] lineStarts() {
        if (lineStarts == null) {
            int count = 1;
            for (byte b : source) {
                if (b == '\n') {
                    count++;
                }
            }
            int[] starts = new int[count];
            int line = 1;
            for (int i = 0; i < source.length; i++) {
                if (source[i] == '\n') {
                    starts[line++] = i + 1;
                }
            }
            lineStarts = starts;
        }
        return lineStarts;
    }

    /** The length of the UTF-8 sequence a lead byte starts (1 for stray continuation bytes). */
    private static int utf8Length(byte lead) {
        int b = lead & 0xFF;
        return b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
    }
}
