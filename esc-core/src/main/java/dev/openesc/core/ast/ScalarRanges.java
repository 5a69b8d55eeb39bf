package dev.openesc.core.ast;

import dev.openesc.core.syntax.Range;
import dev.openesc.core.syntax.StringNode;
import java.nio.charset.StandardCharsets;

/**
 * Maps byte offsets inside a string literal's value to document ranges, so that a diagnostic can point at the exact
 * accessor of an interpolation rather than at the whole string.
 *
 * <p>This is only sound for plain (unquoted) scalars written on one line, whose value is their source text; for
 * other strings no precise range is available and callers fall back to the whole node. As in the reference, the
 * column advances by the display width of the text before the offset (wide characters count twice) while the byte
 * offset advances by its UTF-8 length.
 */
final class ScalarRanges {
    private static final ScalarRanges NONE = new ScalarRanges(null, new byte[0]);

    private final Range base;
    private final byte[] value;

    private ScalarRanges(Range base, byte[] value) {
        this.base = base;
        this.value = value;
    }

    /**
     * Ranges for the given string node. The source is the document the node was decoded from (it tells whether the
     * scalar was quoted); without it no precise ranges are available.
     */
    static ScalarRanges of(StringNode node, byte[] value, SourceLines source) {
        Range r = plainBase(node.syntax().range(), source);
        return r == null ? NONE : new ScalarRanges(r, value);
    }

    /**
     * The document range of the characters [start, end) of {@code value}, a string of ASCII characters only (one
     * byte each), or null when unknown: what {@code of(node, bytes, source).range(start, end)} gives, without the
     * value's bytes or this object (the common interpolation's one name, {@code InterpolationParser.oneName}).
     */
    static Range asciiRange(StringNode node, String value, SourceLines source, int start, int end) {
        Range base = plainBase(node.syntax().range(), source);
        if (base == null) {
            return null;
        }
        return onLine(base, asciiWidthBefore(value, Math.min(start, value.length())), start,
                asciiWidthBefore(value, Math.min(end, value.length())), end);
    }

    /**
     * The document range of the name of a string spelt {@code text + "${" + name + "}"} (both ASCII) at
     * {@code range}, or null when unknown: what {@link #asciiRange} gives for that string's name, without the string.
     */
    static Range nameRange(Range range, SourceLines source, String text, String name) {
        Range base = plainBase(range, source);
        if (base == null) {
            return null;
        }
        int start = text.length() + 2;
        int end = start + name.length();
        int widthToStart = asciiWidthBefore(text, text.length()) + DisplayWidth.ofAscii((byte) '$')
                + DisplayWidth.ofAscii((byte) '{');
        int widthToEnd = widthToStart + asciiWidthBefore(name, name.length());
        return onLine(base, widthToStart, start, widthToEnd, end);
    }

    /** The range on {@code base}'s line from the display width and byte offset of a start to those of an end. */
    private static Range onLine(Range base, int startWidth, int startByte, int endWidth, int endByte) {
        int line = base.startLine();
        return Range.of(base.filename(), line, base.startColumn() + startWidth, base.startByte() + startByte, line,
                base.startColumn() + endWidth, base.startByte() + endByte);
    }

    /** A string's range when it is a plain scalar on one line, whose value maps onto the source; else null. */
    private static Range plainBase(Range r, SourceLines source) {
        // read field by field: a position object each, for every interpolated string of a document, was garbage
        if (r == null || source == null || r.startLine() != r.endLine()) {
            return null;
        }
        // The range's own byte offset is not used: the reference leaves it at 0 on the last line of a document
        // without a final newline.
        int at = source.offsetOf(r.startLine(), r.startColumn());
        if (at < 0 || at >= source.length() || !isPlainScalarStart(source.byteAt(at))) {
            return null;
        }
        return r;
    }

    private static int asciiWidthBefore(String value, int length) {
        int width = 0;
        for (int i = 0; i < length; i++) {
            width += DisplayWidth.ofAscii((byte) value.charAt(i));
        }
        return width;
    }

    /** Quoted, block and explicitly tagged scalars do not map their value onto the source one to one. */
    private static boolean isPlainScalarStart(byte b) {
        return b != '"' && b != '\'' && b != '|' && b != '>' && b != '!';
    }

    /** The document range of value bytes [start, end), or null when unknown. */
    Range range(int start, int end) {
        if (base == null) {
            return null;
        }
        return onLine(base, widthBefore(Math.min(start, value.length)), start, widthBefore(Math.min(end, value.length)),
                end);
    }

    /**
     * The display width of the first {@code length} value bytes. Interpolated names are nearly always ASCII, whose
     * width is one column per printable byte, so only text with other bytes is decoded (a string per accessor
     * showed up in profiles of large environments).
     */
    private int widthBefore(int length) {
        int width = 0;
        for (int i = 0; i < length; i++) {
            byte b = value[i];
            if (b < 0) {
                return DisplayWidth.of(new String(value, 0, length, StandardCharsets.UTF_8));
            }
            width += DisplayWidth.ofAscii(b);
        }
        return width;
    }
}
