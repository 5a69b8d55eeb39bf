package dev.openesc.core.ast;

import dev.openesc.core.syntax.Diagnostics;
import dev.openesc.core.syntax.NameTable;
import dev.openesc.core.syntax.OneNameValue;
import dev.openesc.core.syntax.StringNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a string literal into text and {@code ${...}} property accesses. {@code $$} is an escaped dollar sign, so
 * {@code $${x}} is the literal text {@code ${x}}. A string without accesses yields at most one text-only part.
 */
final class InterpolationParser {
    private InterpolationParser() {}

    static List<Interpolation> parse(StringNode node, SourceLines source, Diagnostics diags, NameTable names) {
        String plain = node.value();
        if (plain.indexOf('$') < 0) {
            // the common case: no accesses and no escapes, so the value is its only part
            return plain.isEmpty() ? List.of() : List.of(new Interpolation(plain, null));
        }
        return general(node, source, diags, names);
    }

    /** The parse of any string with a {@code $}, through its UTF-8 bytes. */
    static List<Interpolation> general(StringNode node, SourceLines source, Diagnostics diags, NameTable names) {
        byte[] value = node.value().getBytes(StandardCharsets.UTF_8);
        ScalarRanges ranges = null;

        // Most strings have one part (a text and one access): it is kept alone, and a list made only for a second.
        Interpolation first = null;
        List<Interpolation> parts = null;
        // The literal text between accesses is a run of the value, decoded from it directly, until a $$ escape
        // makes it differ: from then on it is copied into a buffer (never longer than the value) with the escapes
        // resolved. Most strings have no escape, and a buffer per string was garbage as large as the document.
        byte[] buffer = null;
        boolean buffered = false;
        int textStart = 0;
        int textLength = 0;
        int offset = 0;
        while (offset < value.length) {
            if (startsWith(value, offset, '$', '$')) {
                if (!buffered) {
                    if (buffer == null) {
                        buffer = new byte[value.length];
                    }
                    textLength = offset - textStart;
                    System.arraycopy(value, textStart, buffer, 0, textLength);
                    buffered = true;
                }
                buffer[textLength++] = '$';
                offset += 2;
            } else if (startsWith(value, offset, '$', '{')) {
                if (ranges == null) {
                    ranges = ScalarRanges.of(node, value, source);
                }
                String text = buffered ? new String(buffer, 0, textLength, StandardCharsets.UTF_8)
                        : new String(value, textStart, offset - textStart, StandardCharsets.UTF_8);
                PropertyAccessParser.Result access =
                        PropertyAccessParser.parse(node, ranges, value, offset + 2, diags, names);
                Interpolation part = new Interpolation(text, access.access());
                if (first == null) {
                    first = part;
                } else {
                    parts = more(parts, first, part);
                }
                offset = access.end();
                textStart = offset;
                buffered = false;
            } else {
                if (buffered) {
                    buffer[textLength++] = value[offset];
                }
                offset++;
            }
        }
        if (buffered ? textLength != 0 : offset > textStart) {
            Interpolation part = new Interpolation(buffered ? new String(buffer, 0, textLength, StandardCharsets.UTF_8)
                    : new String(value, textStart, offset - textStart, StandardCharsets.UTF_8), null);
            if (first == null) {
                first = part;
            } else {
                parts = more(parts, first, part);
            }
        }
        return parts != null ? parts : first != null ? List.of(first) : List.of();
    }

    /**
     * The one name of the commonest interpolated string, ASCII text without {@code $} then one plain name read to
     * the string's end ({@code item-${name}}): its parts are the text before the {@code $} and a reference of this
     * name. Null for every other string, which {@link #parse} reads. For a string it reads, the general parse gives
     * equal parts and no diagnostic, through the value's bytes, an access parser, its result, two one-element lists
     * and the part: garbage per value as large as what the parsed definition keeps of it, which made the young
     * collections of a large environment's loading more frequent (docs/decisions.md, entry 34).
     */
    static PropertyName oneName(StringNode node, String plain, SourceLines source, NameTable names) {
        // the shape's test is shared with the decoder, which keeps such values as their text and name
        int dollar = OneNameValue.dollar(plain);
        if (dollar < 0) {
            return null;
        }
        int close = plain.length() - 1;
        return new PropertyName(names.shareAscii(plain, dollar + 2, close - dollar - 2),
                ScalarRanges.asciiRange(node, plain, source, dollar + 2, close));
    }

    /** The parts so far with {@code part} added; the list is made when a second part arrives. */
    private static List<Interpolation> more(List<Interpolation> parts, Interpolation first, Interpolation part) {
        if (parts == null) {
            parts = new ArrayList<>(4);
            parts.add(first);
        }
        parts.add(part);
        return parts;
    }

    private static boolean startsWith(byte[] value, int offset, char first, char second) {
        return offset + 1 < value.length && value[offset] == first && value[offset + 1] == second;
    }
}
