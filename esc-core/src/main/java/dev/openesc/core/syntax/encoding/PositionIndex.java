package dev.openesc.core.syntax.encoding;

import dev.openesc.core.syntax.Pos;
import dev.openesc.core.syntax.Range;

/**
 * Turns YAML node positions into source ranges with byte offsets, reproducing the reference's arithmetic exactly
 * (tests compare ranges byte for byte):
 *
 * <ul>
 *   <li>a node starts at its parser position (line, column in code points);</li>
 *   <li>a scalar ends at its start column plus the UTF-8 length of its value (quotes are not counted); a literal
 *       block scalar moves down one line per newline; an explicitly tagged scalar adds the tag and a space;</li>
 *   <li>a collection ends where its last descendant ends, or at its start when empty;</li>
 *   <li>the byte offset of a (line, column) on a non-ASCII line is found by walking grapheme clusters and adding
 *       their display width (wide CJK characters count 2) until the column is reached;</li>
 *   <li>positions on the last line of a file that does not end with a newline get byte offset 0, a quirk of the
 *       reference kept for exactness.</li>
 * </ul>
 */
final class PositionIndex {
    private final byte[] source;
    /** Byte offset where each line starts; the reference's line list also has an entry after a final newline. */
    private final int[] lineStarts;
    private final boolean[] asciiLines;

    PositionIndex(byte[] source) {
        this.source = source;
        int count = 1;
        for (byte b : source) {
            if (b == '\n') {
                count++;
            }
        }
        lineStarts = new int[count];
        asciiLines = new boolean[count];
        int line = 0;
        boolean ascii = true;
        for (int i = 0; i < source.length; i++) {
            if (source[i] == '\n') {
                asciiLines[line] = ascii;
                lineStarts[++line] = i + 1;
                ascii = true;
            } else if ((source[i] & 0x80) != 0) {
                ascii = false;
            }
        }
        asciiLines[line] = ascii;
    }

    Pos pos(int line, int column) {
        return new Pos(line, column, byteOffset(line, column));
    }

    /** The byte offset of a 1-based line and column, by the reference's arithmetic (see the class comment). */
    int byteOffset(int line, int column) {
        if (line <= 0 || line >= lineStarts.length) {
            return 0;
        }
        int offset = lineStarts[line - 1];
        if (asciiLines[line - 1]) {
            return offset + column - 1;
        }
        int lineEnd = line < lineStarts.length ? lineStarts[line] - 1 : source.length;
        // Walk grapheme clusters of the line, adding display widths, until the column is reached.
        int b = offset;
        int c = 1;
        while (b < lineEnd && c < column) {
            int clusterEnd = DisplayWidth.clusterEnd(source, b, lineEnd);
            c += DisplayWidth.clusterWidth(source, b, clusterEnd);
            b = clusterEnd;
        }
        return b;
    }

    Range range(String filename, YamlNode n) {
        Pos end = endPos(n);
        return Range.of(filename, n.line, n.column, byteOffset(n.line, n.column), end.line(), end.column(),
                end.byteOffset());
    }

    /** {@link #range} as the syntax of the node at {@code parent}'s child {@code key} (null: at {@code parent}). */
    LocatedRange located(String filename, YamlNode n, SyntaxPath parent, String key) {
        Pos end = endPos(n);
        return new LocatedRange(filename, n.line, n.column, byteOffset(n.line, n.column), end.line(), end.column(),
                end.byteOffset(), parent, key);
    }

    private Pos endPos(YamlNode n) {
        YamlNode last = n;
        while ((last.kind == YamlNode.Kind.DOCUMENT || last.kind == YamlNode.Kind.SEQUENCE
                || last.kind == YamlNode.Kind.MAPPING) && !last.content.isEmpty()) {
            last = last.content.get(last.content.size() - 1);
        }
        if (last.kind == YamlNode.Kind.DOCUMENT || last.kind == YamlNode.Kind.SEQUENCE
                || last.kind == YamlNode.Kind.MAPPING) {
            return pos(last.line, last.column);
        }
        int line = last.line;
        int col = last.column;
        String s = last.value;
        if (last.style == YamlNode.LITERAL) {
            int nl;
            while ((nl = s.indexOf('\n')) >= 0) {
                line++;
                s = s.substring(nl + 1);
            }
        } else if (last.style == YamlNode.TAGGED) {
            col += utf8Length(last.tag) + 1;
        }
        return pos(line, col + utf8Length(s));
    }

    /**
     * Whether scalar {@code n} ends on the line it starts on (only a literal block of several lines does not), so
     * that its end is {@link #endColumnOnLine}.
     */
    static boolean endsOnItsLine(YamlNode n) {
        return n.style != YamlNode.LITERAL || n.value.indexOf('\n') < 0;
    }

    /** The end column of a scalar that {@link #endsOnItsLine ends on its line}, as {@link #range} computes it. */
    static int endColumnOnLine(YamlNode n) {
        int col = n.style == YamlNode.TAGGED ? n.column + utf8Length(n.tag) + 1 : n.column;
        return col + utf8Length(n.value);
    }

    /**
     * The length of {@code s} in UTF-8, as {@code s.getBytes(UTF_8).length} but without encoding it: asked for
     * every scalar of a document. A lone surrogate counts as the one byte the encoder replaces it with.
     */
    static int utf8Length(String s) {
        int n = s.length();
        int bytes = n;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                continue;
            }
            if (c < 0x800) {
                bytes += 1;
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes += 2;
                i++;
            } else if (!Character.isSurrogate(c)) {
                bytes += 2;
            }
        }
        return bytes;
    }
}
