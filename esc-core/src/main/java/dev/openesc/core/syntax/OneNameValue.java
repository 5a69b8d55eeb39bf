package dev.openesc.core.syntax;

/**
 * An object entry whose value is a string of the commonest interpolated shape, ASCII text without {@code $} then one
 * plain {@code ${name}} that ends the string ({@code item-${name}}), kept as its text and its name rather than as a
 * string node: the entry's {@link ObjectNode.Entry#value()} makes that node, equal every time, when asked.
 *
 * <p>Why: a definition decoded for evaluation lives as long as a whole evaluation, and for such a value it kept the
 * scalar's text beside the text before the name and the name that the parsed interpolation keeps anyway, and a
 * string node around it: about 90 bytes per value for the collector to copy (docs/decisions.md, entry 35). The
 * parser reads the parts from here and makes no node.
 */
public interface OneNameValue {
    /** The value's syntax: its range and its path. */
    Syntax valueSyntax();

    /** The text before the {@code $}, not empty. */
    String valueText();

    /** The name between the braces. */
    String valueName();

    /**
     * The index of the {@code $} of {@code plain} when it has this shape (text, possibly empty, then the name), else
     * -1. The name's characters are none that ends a name, starts an escape or leaves ASCII, so that the general
     * interpolation parse reads the same text and one name, with no diagnostic.
     */
    static int dollar(String plain) {
        int dollar = plain.indexOf('$');
        int close = plain.length() - 1;
        if (dollar < 0 || dollar + 2 >= close || plain.charAt(dollar + 1) != '{' || plain.charAt(close) != '}') {
            return -1;
        }
        for (int i = 0; i < dollar; i++) {
            if (plain.charAt(i) >= 0x80) {
                return -1;
            }
        }
        for (int i = dollar + 2; i < close; i++) {
            char c = plain.charAt(i);
            if (c >= 0x80 || c == '$' || c == '.' || c == '[' || c == '}' || isSpace(c)) {
                return -1;
            }
        }
        return dollar;
    }

    /** White space as the access parser reads it (an ASCII character here). */
    private static boolean isSpace(char c) {
        return c == ' ' || (c >= 0x09 && c <= 0x0D);
    }
}
