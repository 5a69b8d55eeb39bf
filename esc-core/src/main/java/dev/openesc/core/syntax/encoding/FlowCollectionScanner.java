package dev.openesc.core.syntax.encoding;

import static dev.openesc.core.syntax.encoding.BlockYamlScanner.NOT_MINE;

/**
 * Reads, for {@link BlockYamlScanner}, a flow collection that opens and closes on one line ({@code {fn::secret: x}},
 * {@code [a, b]}, {@code {}}, nested ones), into the nodes {@link YamlTreeBuilder} builds from snakeyaml-engine's
 * events for it: a collection in flow style placed at its bracket, scalars, and the empty scalars snakeyaml makes
 * for a missing mapping value ({@code {a: }} just after the colon, {@code {a}} and {@code {a, b}} at the next comma
 * or brace).
 *
 * <p>Flow context rules, as snakeyaml-engine 3 applies them: a plain scalar ends at a comma, a bracket or a brace,
 * at a colon followed by a space, the line's end or one of those, and before {@code " #"}; any other colon is its
 * text ({@code a:b}, {@code http://x}); after a quoted key a colon is the value indicator even without a space
 * ({@code {"a":b}}); a trailing comma is allowed. Declined (so that snakeyaml reads the document, with its
 * diagnostic when it is malformed): a line break or a comment before the collection closes, a collection or an
 * empty node as a key, {@code ?} keys, a {@code key: value} pair inside a sequence, anchors, aliases, tags, a plain
 * scalar starting with an indicator, quoted scalars outside {@link BlockYamlScanner}'s one-line forms, a key past
 * 1,000 characters, nesting past the depth limit, and anything after a node but a separator or the closing bracket.
 */
final class FlowCollectionScanner {
    private final String text;
    private final int end;
    private final boolean surrogates;

    private int pos;
    /** The 1-based line of the collection being read, and the char index where that line starts. */
    private int line;
    private int lineStart;

    FlowCollectionScanner(String text, boolean surrogates) {
        this.text = text;
        this.end = text.length();
        this.surrogates = surrogates;
    }

    /**
     * The collection whose bracket is at {@code open}, on 0-based {@code line} starting at {@code lineStart}, itself
     * and its own collections at most {@code depthLeft} deep; {@link #position()} is then just past its end.
     */
    YamlNode read(int open, int lineStart, int line, int depthLeft) {
        this.pos = open;
        this.lineStart = lineStart;
        this.line = line + 1;
        return collection(depthLeft);
    }

    /** The char index just past the collection last read. */
    int position() {
        return pos;
    }

    private YamlNode collection(int depthLeft) {
        if (depthLeft < 1) {
            throw NOT_MINE;
        }
        boolean mapping = text.charAt(pos) == '{';
        char close = mapping ? '}' : ']';
        YamlNode node = new YamlNode(mapping ? YamlNode.Kind.MAPPING : YamlNode.Kind.SEQUENCE,
                mapping ? "!!map" : "!!seq", "", new ChunkedNodeList());
        node.style = YamlNode.FLOW;
        node.line = line;
        node.column = column(pos) + 1;
        pos++;
        while (nextToken() != close) {
            if (mapping) {
                mappingEntry(node, depthLeft - 1);
            } else {
                node.content.add(node(depthLeft - 1));
            }
            // after an entry only a comma or the end; a colon after a sequence entry would make a one-pair mapping
            char c = nextToken();
            if (c == ',') {
                pos++;
            } else if (c != close) {
                throw NOT_MINE;
            }
        }
        pos++;
        return node;
    }

    /** A key, then its value: after a colon, or empty when a comma or the closing brace follows the key. */
    private void mappingEntry(YamlNode mapping, int depthLeft) {
        int start = pos;
        if (text.charAt(start) == '[' || text.charAt(start) == '{') {
            throw NOT_MINE;
        }
        mapping.content.add(scalar());
        YamlNode value;
        if (nextToken() == ':') {
            if (pos - start > 1000) {
                // past snakeyaml's 1,024 code points a simple key is no longer one
                throw NOT_MINE;
            }
            int afterColon = ++pos;
            char c = nextToken();
            value = c == ',' || c == '}' ? OneLineScalars.emptyScalar(line, column(afterColon) + 1)
                    : node(depthLeft);
        } else {
            // snakeyaml places the missing value at the token after the key; anything but ',' or '}' is declined
            // by the caller
            value = OneLineScalars.emptyScalar(line, column(pos) + 1);
        }
        mapping.content.add(value);
    }

    private YamlNode node(int depthLeft) {
        char c = text.charAt(pos);
        return c == '[' || c == '{' ? collection(depthLeft) : scalar();
    }

    private YamlNode scalar() {
        int column = column(pos) + 1;
        char c = text.charAt(pos);
        if (c == '\'') {
            int close = OneLineScalars.closingSingleQuote(text, pos);
            String value = OneLineScalars.singleQuotedValue(text, pos, close);
            pos = close + 1;
            return OneLineScalars.scalarNode(value, YamlNode.SINGLE_QUOTED, line, column);
        }
        if (c == '"') {
            int close = OneLineScalars.closingDoubleQuote(text, pos);
            String value = text.substring(pos + 1, close);
            pos = close + 1;
            return OneLineScalars.scalarNode(value, YamlNode.DOUBLE_QUOTED, line, column);
        }
        return OneLineScalars.scalarNode(plain(c), 0, line, column);
    }

    /**
     * A plain scalar in flow context: words separated by spaces, each ended by a space, the line's end, a flow
     * indicator or a colon that ends a key ({@link #endsWord}); the scalar ends where the next word would start
     * with '#' or with what ends a word.
     */
    private String plain(char first) {
        switch (first) {
            // ':' where a node starts is a value indicator in flow context
            case ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '%', '@', '`', ':' -> throw NOT_MINE;
            case '-', '?' -> {
                // snakeyaml reads these as indicators, as errors or as one-character scalars: all left to it
                if (pos + 1 >= end || " \n,[]{}".indexOf(text.charAt(pos + 1)) >= 0) {
                    throw NOT_MINE;
                }
            }
            default -> {
                // any other character starts a plain scalar
            }
        }
        int start = pos;
        int wordEnd;
        while (true) {
            while (pos < end && !endsWord(pos)) {
                pos++;
            }
            wordEnd = pos;
            while (pos < end && text.charAt(pos) == ' ') {
                pos++;
            }
            if (pos == wordEnd || pos == end || text.charAt(pos) == '#' || endsWord(pos)) {
                break;
            }
        }
        pos = wordEnd;
        return text.substring(start, wordEnd);
    }

    /** Whether the character at {@code i} ends a plain word in flow context. */
    private boolean endsWord(int i) {
        char c = text.charAt(i);
        if (c == ' ' || c == '\n' || isFlowIndicator(c)) {
            return true;
        }
        if (c != ':') {
            return false;
        }
        if (i + 1 >= end) {
            return true;
        }
        char next = text.charAt(i + 1);
        return next == ' ' || next == '\n' || isFlowIndicator(next);
    }

    private static boolean isFlowIndicator(char c) {
        return c == ',' || c == '[' || c == ']' || c == '{' || c == '}';
    }

    /**
     * Skips spaces to the next token and answers its first character; the line's end, the text's end or a comment
     * before the collection closes leaves the subset.
     */
    private char nextToken() {
        while (pos < end && text.charAt(pos) == ' ') {
            pos++;
        }
        if (pos == end) {
            throw NOT_MINE;
        }
        char c = text.charAt(pos);
        if (c == '\n' || c == '#') {
            throw NOT_MINE;
        }
        return c;
    }

    /** The 0-based code point column of char index {@code i} on the line being read. */
    private int column(int i) {
        return surrogates ? text.codePointCount(lineStart, i) : i - lineStart;
    }
}
