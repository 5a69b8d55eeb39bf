package dev.openesc.core.syntax.encoding;

import dev.openesc.core.syntax.Pos;
import dev.openesc.core.syntax.Range;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

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
    private record Line(int offset, boolean ascii, byte[] bytes) {}

    private final List<Line> lines = new ArrayList<>();

    PositionIndex(byte[] source) {
        int start = 0;
        for (int i = 0; i <= source.length; i++) {
            if (i == source.length || source[i] == '\n') {
                byte[] bytes = java.util.Arrays.copyOfRange(source, start, i);
                lines.add(new Line(start, isAscii(bytes), bytes));
                start = i + 1;
            }
        }
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if ((b & 0x80) != 0) {
                return false;
            }
        }
        return true;
    }

    Pos pos(int line, int column) {
        if (line <= 0 || line >= lines.size()) {
            return new Pos(line, column, 0);
        }
        Line l = lines.get(line - 1);
        if (l.ascii) {
            return new Pos(line, column, l.offset + column - 1);
        }
        String text = new String(l.bytes, StandardCharsets.UTF_8);
        int b = l.offset;
        int c = 1;
        int i = 0;
        while (i < text.length() && c < column) {
            int end = DisplayWidth.clusterEnd(text, i);
            String cluster = text.substring(i, end);
            b += cluster.getBytes(StandardCharsets.UTF_8).length;
            c += DisplayWidth.clusterWidth(cluster);
            i = end;
        }
        return new Pos(line, column, b);
    }

    Range range(String filename, YamlNode n) {
        return new Range(filename, pos(n.line, n.column), endPos(n));
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
            col += last.tag.getBytes(StandardCharsets.UTF_8).length + 1;
        }
        return pos(line, col + s.getBytes(StandardCharsets.UTF_8).length);
    }
}
