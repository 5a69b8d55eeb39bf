package dev.openesc.core.syntax.encoding;

/**
 * Reads the common block subset of YAML straight into the read-only {@link YamlNode} tree that
 * {@link YamlTreeBuilder} builds from snakeyaml-engine's events when comments are skipped: the same nodes, values,
 * tags, styles and positions, without snakeyaml's tokens, marks and events (about half of what reading a large
 * definition allocated; decisions.md, entry 32).
 *
 * <p>The subset: block mappings and sequences nested by indentation (including a sequence at its key's
 * indentation and a mapping or sequence opened on a {@code - } line), keys and values that are one-line plain
 * scalars, single-quoted scalars, or double-quoted scalars without a backslash, values that are flow collections
 * opening and closing on their line ({@link FlowCollectionScanner}), empty values, comments, blank lines, and one
 * {@code ---} before the root. Anything else (tabs, carriage returns, other control or special characters, flow
 * collections elsewhere or over several lines, block scalars, anchors, aliases, tags, {@code ?} keys, directives,
 * {@code ...}, a second document, a scalar continued on the next line, an empty sequence entry, a document that is
 * not a block collection, a key longer than a simple key may be, nesting past the depth limit, and every malformed
 * input) makes {@link #read} answer null, with no partial result, so that snakeyaml-engine reads the document, with
 * its diagnostics, as before.
 *
 * <p>Columns are 0-based code point columns here, as snakeyaml's marks count; nodes get them 1-based.
 */
final class BlockYamlScanner {
    /** Thrown the moment the input leaves the subset; carries nothing, costs nothing to throw. */
    static final class NotMine extends RuntimeException {
        private NotMine() {
            super("not in the block subset", null, false, false);
        }
    }

    static final NotMine NOT_MINE = new NotMine();

    private final String text;
    private final int end;
    private final int maxDepth;
    /** Whether a line may hold a surrogate pair: then a column is a count of code points, not of chars. */
    private final boolean surrogates;

    private int pos;
    /** 0-based line of {@link #pos}, and the char index where that line starts. */
    private int line;
    private int lineStart;

    /** The open block collections, outermost first; a sequence at its parent key's column is "indentless". */
    private YamlNode[] open = new YamlNode[16];
    private int[] columns = new int[16];
    private boolean[] indentless = new boolean[16];
    private int depth;
    private YamlNode root;
    /** Reads the flow collections, made at the first one. */
    private FlowCollectionScanner flow;

    /** Whether the innermost collection waits for a value (after {@code key:}) or an entry (after {@code -}). */
    private boolean expecting;
    /** The line of the indicator it waits after, and where an empty mapping value goes (1-based column). */
    private int expectLine;
    private int emptyColumn;

    /** The last scalar read: its value, style and 0-based start column. */
    private String scalarValue;
    private int scalarStyle;
    private int scalarColumn;

    private BlockYamlScanner(String text, int maxDepth, boolean surrogates) {
        this.text = text;
        this.end = text.length();
        this.maxDepth = maxDepth;
        this.surrogates = surrogates;
    }

    /**
     * The document {@code text} holds (its byte order mark already removed), or null when it is not entirely in the
     * subset.
     */
    static YamlNode read(String text, int maxDepth) {
        int check = checkCharacters(text);
        if (check < 0) {
            return null;
        }
        try {
            return new BlockYamlScanner(text, maxDepth, check == 1).document();
        } catch (NotMine e) {
            return null;
        }
    }

    /**
     * -1 when {@code text} holds a character the subset leaves to snakeyaml (tab, carriage return, other control
     * characters, line and paragraph separators, byte order marks, non-characters, lone surrogates), else 1 when it
     * holds a surrogate pair and 0 when not.
     */
    private static int checkCharacters(String text) {
        int result = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7F || c == '\n') {
                continue;
            }
            if (c < 0xA0 || c == 0x2028 || c == 0x2029 || c == 0xFEFF || c == 0xFFFE || c == 0xFFFF) {
                return -1;
            }
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                result = 1;
                i++;
            } else if (Character.isSurrogate(c)) {
                return -1;
            }
        }
        return result;
    }

    private YamlNode document() {
        int docLine = -1; // the line of a "---" before the root, at column 0
        while (toContent()) {
            int column = column(pos);
            if (column == 0 && (text.startsWith("---", pos) || text.startsWith("...", pos))) {
                // only a "---" alone before the root is ours: the document's position is its own
                if (root != null || docLine >= 0 || text.startsWith("...", pos) || !blankAt(pos + 3)) {
                    throw NOT_MINE;
                }
                docLine = line;
                pos += 3;
                endOfLine();
                continue;
            }
            entries(column);
        }
        if (root == null) {
            throw NOT_MINE;
        }
        if (expecting) {
            emptyValue();
        }
        YamlNode document = new YamlNode(YamlNode.Kind.DOCUMENT, "", "", new ChunkedNodeList());
        document.line = docLine >= 0 ? docLine + 1 : root.line;
        document.column = docLine >= 0 ? 1 : root.column;
        document.content.add(root);
        return document;
    }

    /** Reads the content line at {@link #pos}, whose first character is at {@code column}, and moves past it. */
    private void entries(int column) {
        if (root == null) {
            expecting = true;
        } else {
            // a line deeper than the collection waiting for a value, or a "-" at a mapping's own column (a sequence
            // at its key's column), opens that value; any other line leaves a waiting mapping value empty
            YamlNode top = open[depth - 1];
            if (expecting && !(column > columns[depth - 1]
                    || column == columns[depth - 1] && top.kind == YamlNode.Kind.MAPPING && dashAt(pos))) {
                emptyValue();
            }
            if (!expecting) {
                // close the collections this line is left of; an indentless sequence ends at its key's column
                while (depth > 0 && (column < columns[depth - 1]
                        || column == columns[depth - 1] && indentless[depth - 1] && !dashAt(pos))) {
                    depth--;
                }
                if (depth == 0 || column != columns[depth - 1]) {
                    throw NOT_MINE;
                }
            }
        }
        boolean sameLine = false;
        while (true) {
            boolean inlineValue = sameLine && depth > 0 && open[depth - 1].kind == YamlNode.Kind.MAPPING;
            if (dashAt(pos)) {
                if (expecting) {
                    if (inlineValue) {
                        throw NOT_MINE;
                    }
                    boolean atKeyColumn = !sameLine && depth > 0 && column == columns[depth - 1];
                    openCollection(YamlNode.Kind.SEQUENCE, column, atKeyColumn);
                } else if (open[depth - 1].kind != YamlNode.Kind.SEQUENCE) {
                    throw NOT_MINE;
                }
                pos++;
                expecting = true;
                sameLine = true;
                expectLine = line;
                skipSpaces();
                if (endOfContent()) {
                    return;
                }
                column = column(pos);
                continue;
            }
            if (text.charAt(pos) == '[' || text.charAt(pos) == '{') {
                // a flow collection: only as the value or entry its indicator on this line waits for, and alone
                // on its line (one followed by ':' would be a key)
                if (!expecting || !sameLine) {
                    throw NOT_MINE;
                }
                if (flow == null) {
                    flow = new FlowCollectionScanner(text, surrogates);
                }
                add(flow.read(pos, lineStart, line, maxDepth - depth));
                pos = flow.position();
                expecting = false;
                if (!endOfContent()) {
                    throw NOT_MINE;
                }
                return;
            }
            int start = pos;
            scalar();
            skipSpaces();
            if (colonAt(pos)) {
                if (expecting) {
                    if (inlineValue) {
                        throw NOT_MINE;
                    }
                    openCollection(YamlNode.Kind.MAPPING, scalarColumn, false);
                } else if (open[depth - 1].kind != YamlNode.Kind.MAPPING) {
                    throw NOT_MINE;
                }
                if (pos - start > 1000) {
                    // past snakeyaml's 1,024 code points a simple key is no longer one
                    throw NOT_MINE;
                }
                add(scalarNode());
                expecting = true;
                sameLine = true;
                expectLine = line;
                emptyColumn = column(pos) + 2;
                pos++;
                skipSpaces();
                if (endOfContent()) {
                    return;
                }
                column = column(pos);
                continue;
            }
            // a scalar on its own: only as the value or entry its indicator on this line waits for
            if (!expecting || !sameLine) {
                throw NOT_MINE;
            }
            add(scalarNode());
            expecting = false;
            if (!endOfContent()) {
                throw NOT_MINE;
            }
            return;
        }
    }

    /** Gives the waiting mapping entry its empty value, placed just after its colon as YamlTreeBuilder places it. */
    private void emptyValue() {
        if (open[depth - 1].kind != YamlNode.Kind.MAPPING) {
            throw NOT_MINE;
        }
        add(OneLineScalars.emptyScalar(expectLine + 1, emptyColumn));
        expecting = false;
    }

    private void openCollection(YamlNode.Kind kind, int column, boolean isIndentless) {
        if (depth + 1 > maxDepth) {
            throw NOT_MINE;
        }
        YamlNode node = new YamlNode(kind, kind == YamlNode.Kind.MAPPING ? "!!map" : "!!seq", "",
                new ChunkedNodeList());
        node.line = line + 1;
        node.column = column + 1;
        if (depth == 0) {
            root = node;
        } else {
            add(node);
        }
        if (depth == open.length) {
            open = java.util.Arrays.copyOf(open, depth * 2);
            columns = java.util.Arrays.copyOf(columns, depth * 2);
            indentless = java.util.Arrays.copyOf(indentless, depth * 2);
        }
        open[depth] = node;
        columns[depth] = column;
        indentless[depth] = isIndentless;
        depth++;
        expecting = false;
    }

    private void add(YamlNode node) {
        open[depth - 1].content.add(node);
    }

    private YamlNode scalarNode() {
        return OneLineScalars.scalarNode(scalarValue, scalarStyle, line + 1, scalarColumn + 1);
    }

    /** Reads the scalar at {@link #pos} into {@link #scalarValue}, {@link #scalarStyle} and {@link #scalarColumn}. */
    private void scalar() {
        scalarColumn = column(pos);
        char c = text.charAt(pos);
        if (c == '\'') {
            singleQuoted();
        } else if (c == '"') {
            doubleQuoted();
        } else {
            plain(c);
        }
    }

    private void singleQuoted() {
        int close = OneLineScalars.closingSingleQuote(text, pos);
        scalarValue = OneLineScalars.singleQuotedValue(text, pos, close);
        scalarStyle = YamlNode.SINGLE_QUOTED;
        pos = close + 1;
    }

    private void doubleQuoted() {
        int close = OneLineScalars.closingDoubleQuote(text, pos);
        scalarValue = text.substring(pos + 1, close);
        scalarStyle = YamlNode.DOUBLE_QUOTED;
        pos = close + 1;
    }

    /**
     * A plain scalar on one line: words separated by spaces, ended by the line's end, by " #" (a comment) or by a
     * colon followed by a space or the line's end (a key's indicator); a colon followed by anything else, and '#'
     * inside a word, are its text.
     */
    private void plain(char first) {
        switch (first) {
            case ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '%', '@', '`' -> throw NOT_MINE;
            case '-', '?', ':' -> {
                if (blankAt(pos + 1)) {
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
            while (pos < end) {
                char c = text.charAt(pos);
                if (c == ' ' || c == '\n' || c == ':' && blankAt(pos + 1)) {
                    break;
                }
                pos++;
            }
            wordEnd = pos;
            while (pos < end && text.charAt(pos) == ' ') {
                pos++;
            }
            if (pos == wordEnd || pos == end || text.charAt(pos) == '\n' || text.charAt(pos) == '#'
                    || colonAt(pos)) {
                break;
            }
        }
        pos = wordEnd;
        scalarValue = text.substring(start, wordEnd);
        scalarStyle = 0;
    }

    /** Moves {@link #pos} to the first character of the next line holding content; false at the end of the text. */
    private boolean toContent() {
        while (pos < end) {
            int i = pos;
            while (i < end && text.charAt(i) == ' ') {
                i++;
            }
            if (i < end && text.charAt(i) != '\n' && text.charAt(i) != '#') {
                pos = i;
                return true;
            }
            int newline = text.indexOf('\n', i);
            if (newline < 0) {
                pos = end;
                return false;
            }
            nextLine(newline);
        }
        return false;
    }

    /**
     * Whether nothing but spaces and a comment is left on the line; if so, moves to the next line. A '#' counts as a
     * comment only after a space (snakeyaml would take one straight after a quote too: left to it).
     */
    private boolean endOfContent() {
        skipSpaces();
        if (pos == end) {
            return true;
        }
        char c = text.charAt(pos);
        if (c == '\n') {
            nextLine(pos);
            return true;
        }
        if (c == '#' && text.charAt(pos - 1) == ' ') {
            int newline = text.indexOf('\n', pos);
            if (newline < 0) {
                pos = end;
            } else {
                nextLine(newline);
            }
            return true;
        }
        return false;
    }

    private void endOfLine() {
        if (!endOfContent()) {
            throw NOT_MINE;
        }
    }

    private void nextLine(int newline) {
        pos = newline + 1;
        lineStart = pos;
        line++;
    }

    private void skipSpaces() {
        while (pos < end && text.charAt(pos) == ' ') {
            pos++;
        }
    }

    /** Whether {@code i} is the end of the text, a space or a line break (the characters ending an indicator). */
    private boolean blankAt(int i) {
        return i >= end || text.charAt(i) == ' ' || text.charAt(i) == '\n';
    }

    /** A block sequence entry's "-" at {@code i}. */
    private boolean dashAt(int i) {
        return i < end && text.charAt(i) == '-' && blankAt(i + 1);
    }

    /** A mapping value's ":" at {@code i}. */
    private boolean colonAt(int i) {
        return i < end && text.charAt(i) == ':' && blankAt(i + 1);
    }

    /** The 0-based code point column of char index {@code i} on the current line. */
    private int column(int i) {
        return surrogates ? text.codePointCount(lineStart, i) : i - lineStart;
    }
}
