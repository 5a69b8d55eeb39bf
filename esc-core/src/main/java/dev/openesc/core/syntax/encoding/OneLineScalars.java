package dev.openesc.core.syntax.encoding;

/**
 * The one-line scalars {@link BlockYamlScanner} and {@link FlowCollectionScanner} read, and the nodes they make of
 * them, tagged and placed as {@link YamlTreeBuilder} tags and places snakeyaml-engine's: quoted scalars on one line
 * ({@code ''} for a quote in single quotes, no backslash in double quotes: escapes are left to snakeyaml), scalar
 * nodes, and the empty scalar a missing value reads as. What leaves the subset throws
 * {@link BlockYamlScanner#NOT_MINE}.
 */
final class OneLineScalars {
    private OneLineScalars() {}

    /** The empty plain scalar a missing value reads as, at 1-based {@code line} and {@code column}. */
    static YamlNode emptyScalar(int line, int column) {
        YamlNode empty = new YamlNode(YamlNode.Kind.SCALAR, YamlTreeBuilder.plainTag(""), "", java.util.List.of());
        empty.line = line;
        empty.column = column;
        return empty;
    }

    /** A scalar of {@code style} (0 for plain) at 1-based {@code line} and {@code column}, tagged as snakeyaml's is. */
    static YamlNode scalarNode(String value, int style, int line, int column) {
        String tag = style == 0 ? YamlTreeBuilder.plainTag(value) : "!!str";
        YamlNode node = new YamlNode(YamlNode.Kind.SCALAR, tag, value, java.util.List.of());
        node.style = style;
        node.line = line;
        node.column = column;
        return node;
    }

    /** The index of the quote closing the single-quoted scalar opened at {@code open}, on the same line. */
    static int closingSingleQuote(String text, int open) {
        int newline = text.indexOf('\n', open);
        int i = open + 1;
        while (true) {
            int quote = text.indexOf('\'', i);
            if (quote < 0 || newline >= 0 && newline < quote) {
                throw BlockYamlScanner.NOT_MINE;
            }
            if (quote + 1 < text.length() && text.charAt(quote + 1) == '\'') {
                i = quote + 2; // '' is a quote
                continue;
            }
            return quote;
        }
    }

    /** The text of the single-quoted scalar from {@code open} to {@code close}, each {@code ''} read as a quote. */
    static String singleQuotedValue(String text, int open, int close) {
        String raw = text.substring(open + 1, close);
        return raw.indexOf('\'') < 0 ? raw : raw.replace("''", "'");
    }

    /**
     * The index of the quote closing the double-quoted scalar opened at {@code open}, on the same line and without
     * a backslash before it (escapes are left to snakeyaml).
     */
    static int closingDoubleQuote(String text, int open) {
        for (int i = open + 1, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c == '"') {
                return i;
            }
            if (c == '\\' || c == '\n') {
                throw BlockYamlScanner.NOT_MINE;
            }
        }
        throw BlockYamlScanner.NOT_MINE;
    }
}
