package dev.openesc.core.syntax.encoding;

import dev.openesc.core.syntax.Pos;
import dev.openesc.core.syntax.Range;
import dev.openesc.core.syntax.Syntax;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Syntax of a node decoded from YAML: its range and path, plus the YAML node it came from (with tag, style and
 * comments) and the value as first decoded. The encoder uses the YAML node to keep presentation and comments, and
 * the original value to tell whether a literal was changed (an unchanged literal keeps its original spelling, so
 * {@code 1.50} stays {@code 1.50}).
 *
 * @param node the YAML node; shared, not copied
 * @param range the source range, or null
 * @param location where the node sits in the document, rendered by {@link #path()}
 * @param originalValue Boolean, number text, String, or null
 */
public record YamlSyntax(YamlNode node, Range range, SyntaxPath location, Object originalValue) implements Syntax {
    public YamlSyntax {
        location = location == null ? SyntaxPath.ROOT : location;
    }

    /** The document path, e.g. {@code values.foo[0]["a.b"]}; computed on each call. */
    @Override
    public String path() {
        return location.toString();
    }

    public String headComment() {
        return node == null ? "" : node.headComment;
    }

    public String lineComment() {
        return node == null ? "" : node.lineComment;
    }

    public String footComment() {
        return node == null ? "" : node.footComment;
    }

    /**
     * The range of part of a single-line plain (or flow-context) string, given as UTF-8 byte offsets into its value,
     * e.g. the {@code ${name}} inside an interpolated string. Null when it cannot be known: multi-line values and
     * quoted or block styles, whose source text differs from the value. Columns advance by display width, as in
     * the reference.
     */
    public Range scalarRange(int startByte, int endByte) {
        if (range == null || node == null || node.kind != YamlNode.Kind.SCALAR) {
            return null;
        }
        if (range.start().line() != range.end().line() || (node.style != 0 && node.style != YamlNode.FLOW)) {
            return null;
        }
        byte[] utf8 = node.value.getBytes(StandardCharsets.UTF_8);
        if (startByte < 0 || endByte < startByte || endByte > utf8.length) {
            return null;
        }
        Pos s = range.start();
        return new Range(range.filename(),
                new Pos(s.line(), s.column() + width(utf8, startByte), s.byteOffset() + startByte),
                new Pos(s.line(), s.column() + width(utf8, endByte), s.byteOffset() + endByte));
    }

    private static int width(byte[] utf8, int length) {
        String prefix = new String(Arrays.copyOf(utf8, length), StandardCharsets.UTF_8);
        int w = 0;
        for (int i = 0; i < prefix.length(); ) {
            int end = DisplayWidth.clusterEnd(prefix, i);
            w += DisplayWidth.clusterWidth(prefix.substring(i, end));
            i = end;
        }
        return w;
    }
}
