package dev.openesc.core.ast;

import dev.openesc.core.syntax.Diagnostic;
import dev.openesc.core.syntax.Diagnostics;
import dev.openesc.core.syntax.NameTable;
import dev.openesc.core.syntax.Node;
import dev.openesc.core.syntax.Range;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses the property access inside {@code ${...}}: a root name or key subscript followed by {@code .name},
 * {@code ["key"]} and {@code [index]} steps, up to the closing brace.
 *
 * <p>The parser never gives up: on malformed input it reports a diagnostic and still yields an access (possibly
 * with empty names), so that one typo produces one precise error rather than a cascade. It works on the UTF-8
 * bytes of the string because diagnostic ranges are measured in bytes; a name ends at {@code .}, {@code [},
 * {@code }} or a byte that is white space when read as a Latin-1 character, as in the reference.
 */
final class PropertyAccessParser {
    /** The access and the offset just after it (after the closing brace, if there was one). */
    record Result(int end, PropertyAccess access) {}

    private final Node parent;
    private final ScalarRanges ranges;
    private final byte[] text;
    private final Diagnostics diags;
    private final NameTable names;
    /** The first accessor; most accesses have only this one, and {@link #more} is made for a second. */
    private PropertyAccessor first;
    private List<PropertyAccessor> more;
    private int offset;

    private PropertyAccessParser(Node parent, ScalarRanges ranges, byte[] text, int start, Diagnostics diags,
            NameTable names) {
        this.parent = parent;
        this.names = names;
        this.ranges = ranges;
        this.text = text;
        this.offset = start;
        this.diags = diags;
    }

    /** Parses the access starting at byte {@code start} of {@code text} (just after {@code ${}). */
    static Result parse(Node parent, ScalarRanges ranges, byte[] text, int start, Diagnostics diags,
            NameTable names) {
        return new PropertyAccessParser(parent, ranges, text, start, diags, names).parseAccess();
    }

    private Result parseAccess() {
        while (true) {
            if (atEnd()) {
                error(offset, "missing closing brace '}' in interpolation");
                return finish(offset);
            }
            byte c = peek();
            if (c == '}') {
                return finish(next());
            } else if (c == '.') {
                add(parseName(next()));
            } else if (c == '[') {
                add(parseSubscript(next()));
            } else if (isSpace(c)) {
                error(offset, "missing closing brace '}' in interpolation");
                return finish(offset);
            } else {
                add(parseName(offset));
            }
        }
    }

    /** Ends the access; {@code ${}} and {@code ${} still yield one (empty) name so the access is never empty. */
    private Result finish(int start) {
        if (first == null) {
            first = new PropertyName("", rangeFrom(start));
        }
        // one accessor, the common case: an immutable list the access keeps as it is
        return new Result(offset, new PropertyAccess(more == null ? List.of(first) : more));
    }

    private void add(PropertyAccessor accessor) {
        if (first == null) {
            first = accessor;
            return;
        }
        if (more == null) {
            more = new ArrayList<>(4);
            more.add(first);
        }
        more.add(accessor);
    }

    private PropertyName parseName(int start) {
        int from = offset;
        while (!atEnd() && !terminatesName(peek())) {
            next();
        }
        if (offset == from) {
            error(start, "property name must not be empty");
        }
        // a name is a contiguous run of the text: no copy through a buffer, and no string when seen before
        String name = names.share(text, from, offset - from);
        return new PropertyName(name, rangeFrom(start));
    }

    /** Parses {@code ["key"]} or {@code [index]}; {@code start} is the offset of the opening bracket. */
    private PropertyAccessor parseSubscript(int start) {
        if (atEnd()) {
            error(start, "subscript is missing closing bracket ']'");
            return new PropertyKeySubscript("", rangeFrom(start));
        }
        String key = null;
        Long index = null;
        if (peek() == '"') {
            next();
            key = parseKey(start);
        } else {
            String digits = parseIndexText();
            index = parseInteger(digits);
            if (index == null) {
                // The error points past the opening bracket, at the text that is not a number.
                error(start + 1, "numeric subscript must be a positive base-10 integer");
                key = digits;
            } else if (first == null) {
                error(start, "the first accessor must be a property name or key subscript, not a numeric subscript");
            }
        }
        if (!atEnd() && peek() == ']') {
            next();
        } else {
            error(start, "subscript is missing closing bracket ']'");
        }
        Range range = rangeFrom(start);
        return key != null ? new PropertyKeySubscript(key, range) : new PropertyIndexSubscript(index, range);
    }

    /** Reads a quoted key after {@code ["}, through the closing quote; {@code \"} stands for a quote. */
    private String parseKey(int bracket) {
        ByteArrayOutputStream key = new ByteArrayOutputStream();
        while (true) {
            if (atEnd()) {
                error(bracket + 1, "key subscript is missing closing quote '\"'");
                return utf8(key);
            }
            byte c = text[next()];
            if (c == '"') {
                if (key.size() == 0) {
                    error(bracket + 1, "key subscript must not be empty");
                }
                return utf8(key);
            }
            if (c == '\\' && !atEnd() && peek() == '"') {
                c = text[next()];
            }
            key.write(c);
        }
    }

    /** Reads the text of a numeric subscript, up to (not including) {@code ]} or a name terminator. */
    private String parseIndexText() {
        int from = offset;
        while (!atEnd() && peek() != ']' && !terminatesName(peek())) {
            next();
        }
        return new String(text, from, offset - from, StandardCharsets.UTF_8);
    }

    /** Base-10 integer with an optional sign, ASCII digits only, within 64 bits; null if it is not one. */
    static Long parseInteger(String s) {
        int digitsFrom = !s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-') ? 1 : 0;
        if (digitsFrom == s.length()) {
            return null;
        }
        for (int i = digitsFrom; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException outOfRange) {
            return null;
        }
    }

    private void error(int start, String summary) {
        Range range = rangeFrom(start);
        if (range != null) {
            diags.add(Diagnostic.error(range, summary, parent.syntax().path()));
        } else {
            diags.add(Diagnostic.nodeError(parent, summary));
        }
    }

    private Range rangeFrom(int start) {
        return ranges.range(start, offset);
    }

    private boolean atEnd() {
        return offset >= text.length;
    }

    private byte peek() {
        return text[offset];
    }

    private int next() {
        return offset++;
    }

    private static boolean terminatesName(byte c) {
        return c == '.' || c == '[' || c == '}' || isSpace(c);
    }

    /** White space as the reference tests it: the byte read as a code point (so NEL 0x85 and NBSP 0xA0 count). */
    static boolean isSpace(byte b) {
        int c = b & 0xFF;
        return c == ' ' || (c >= 0x09 && c <= 0x0D) || c == 0x85 || c == 0xA0;
    }

    private static String utf8(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
