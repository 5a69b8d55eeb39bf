package dev.openesc.core.syntax.encoding;

import java.util.Locale;

/**
 * Writes a {@link YamlNode} tree as YAML text in the layout of the reference's YAML library (go-yaml v3), so that
 * documents the service rewrites come out the way the reference writes them: block collections indented by the
 * chosen width (sequences indented under their key, mapping entries of a sequence item aligned after "- "),
 * empty collections as {@code []}/{@code {}}, flow style kept where it was, head and line comments kept, quoting
 * chosen by the emitter's rules. Lines are never wrapped.
 *
 * <p>The writer tracks the same column/whitespace/indentation state as that emitter, because its decisions
 * (whether to start a new line, whether a space is needed) depend on it.
 */
final class YamlEmitter {
    private enum Style { PLAIN, SINGLE, DOUBLE, LITERAL, FOLDED }

    private final StringBuilder out = new StringBuilder();
    private final int bestIndent;
    private int indent = -1;
    private int column;
    private boolean whitespace = true;
    private boolean indention = true;
    private int flowLevel;

    YamlEmitter(int bestIndent) {
        this.bestIndent = bestIndent < 2 || bestIndent > 9 ? 2 : bestIndent;
    }

    /** Writes one document: a DOCUMENT node or a bare root value. */
    String document(YamlNode root) {
        YamlNode content = root;
        String docHead = "";
        String docFoot = "";
        if (root.kind == YamlNode.Kind.DOCUMENT) {
            docHead = root.headComment;
            docFoot = root.footComment;
            content = root.content.isEmpty() ? null : root.content.get(0);
        }
        if (content == null) {
            // An empty document stays empty (keeping any comments), so that it reads back as empty.
            if (!docHead.isEmpty()) {
                writeComment(docHead);
            }
            if (!docFoot.isEmpty()) {
                writeComment(docFoot);
            }
            return out.toString();
        }
        String documentComment = docHead.isEmpty() ? content.documentComment
                : content.documentComment.isEmpty() ? docHead : docHead + "\n" + content.documentComment;
        if (!documentComment.isEmpty()) {
            writeComment(documentComment);
            putBreak();
        }
        node(content, false, false, false);
        processLineComment(content.lineComment);
        int saved = indent;
        indent = -1;
        writeIndent();
        indent = saved;
        String foot = content.footComment;
        if (!foot.isEmpty()) {
            writeComment(foot);
        }
        if (!docFoot.isEmpty()) {
            writeComment(docFoot);
        }
        return out.toString();
    }

    // ---- nodes ---------------------------------------------------------------------------------------------

    /**
     * @param inSequenceItem the node is an item of a block sequence (its entries then align after "- ")
     * @param simpleKey the node is written as a mapping key on one line
     * @param mappingContext the node is a key or value of a mapping
     */
    private void node(YamlNode n, boolean inSequenceItem, boolean simpleKey, boolean mappingContext) {
        String tag = presentedTag(n);
        boolean forceQuoting = forceQuoting(n);
        switch (n.kind) {
            case SEQUENCE -> {
                if (flowLevel > 0 || n.hasStyle(YamlNode.FLOW) || n.content.isEmpty()) {
                    flowSequence(n, tag, inSequenceItem);
                } else {
                    blockSequence(n, tag, inSequenceItem);
                }
            }
            case MAPPING -> {
                if (flowLevel > 0 || n.hasStyle(YamlNode.FLOW) || n.content.isEmpty()) {
                    flowMapping(n, tag, inSequenceItem);
                } else {
                    blockMapping(n, tag, inSequenceItem);
                }
            }
            case ALIAS -> {
                writeIndicator("*" + n.value, true, false, false);
            }
            case DOCUMENT -> {
                YamlNode c = n.content.isEmpty() ? YamlNode.scalar("!!null", "null") : n.content.get(0);
                node(c, inSequenceItem, simpleKey, mappingContext);
            }
            case SCALAR -> scalar(n.value, tag, styleOf(n, forceQuoting), inSequenceItem, simpleKey);
            case NONE -> scalar("null", "", Style.PLAIN, inSequenceItem, simpleKey);
        }
    }

    /** The tag to write: dropped when the node's type would be inferred from its text and style anyway. */
    private static String presentedTag(YamlNode n) {
        String tag = n.tag;
        if (tag.isEmpty() || n.hasStyle(YamlNode.TAGGED)) {
            return tag;
        }
        if (n.kind == YamlNode.Kind.SCALAR) {
            if (tag.equals("!!str") && n.hasStyle(YamlNode.SINGLE_QUOTED | YamlNode.DOUBLE_QUOTED
                    | YamlNode.LITERAL | YamlNode.FOLDED)) {
                return "";
            }
            String rtag = ScalarResolver.resolve("", n.value).tag();
            if (rtag.equals(tag) || tag.equals("!!str")) {
                return "";
            }
            return tag;
        }
        String rtag = switch (n.kind) {
            case MAPPING -> "!!map";
            case SEQUENCE -> "!!seq";
            case ALIAS -> "!!str";
            default -> "";
        };
        return rtag.equals(tag) ? "" : tag;
    }

    private static boolean forceQuoting(YamlNode n) {
        if (n.kind != YamlNode.Kind.SCALAR || n.tag.isEmpty() || n.hasStyle(YamlNode.TAGGED)) {
            return false;
        }
        if (!n.tag.equals("!!str")) {
            return false;
        }
        if (n.hasStyle(YamlNode.SINGLE_QUOTED | YamlNode.DOUBLE_QUOTED | YamlNode.LITERAL | YamlNode.FOLDED)) {
            return false;
        }
        return !ScalarResolver.resolve("", n.value).tag().equals("!!str");
    }

    private static Style styleOf(YamlNode n, boolean forceQuoting) {
        if (n.hasStyle(YamlNode.DOUBLE_QUOTED)) {
            return Style.DOUBLE;
        }
        if (n.hasStyle(YamlNode.SINGLE_QUOTED)) {
            return Style.SINGLE;
        }
        if (n.hasStyle(YamlNode.LITERAL)) {
            return Style.LITERAL;
        }
        if (n.hasStyle(YamlNode.FOLDED)) {
            return Style.FOLDED;
        }
        if (n.value.contains("\n")) {
            return Style.LITERAL;
        }
        return forceQuoting ? Style.DOUBLE : Style.PLAIN;
    }

    private void increaseIndent(boolean flow, boolean inSequenceItem) {
        if (indent < 0) {
            indent = flow ? bestIndent : 0;
        } else if (inSequenceItem) {
            indent += 2;
        } else {
            indent = bestIndent * ((indent + bestIndent) / bestIndent);
        }
    }

    private void blockSequence(YamlNode n, String tag, boolean inSequenceItem) {
        processTag(tag);
        int saved = indent;
        increaseIndent(false, inSequenceItem);
        for (YamlNode item : n.content) {
            processHeadComment(item.headComment);
            writeIndent();
            writeIndicator("-", true, false, true);
            node(item, true, false, false);
            processLineComment(item.lineComment);
            processFootComment(item.footComment);
        }
        indent = saved;
    }

    private void blockMapping(YamlNode n, String tag, boolean inSequenceItem) {
        processTag(tag);
        int saved = indent;
        increaseIndent(false, inSequenceItem);
        for (int i = 0; i + 1 < n.content.size(); i += 2) {
            YamlNode key = n.content.get(i);
            YamlNode value = n.content.get(i + 1);
            processHeadComment(key.headComment);
            writeIndent();
            boolean simple = isSimpleKey(key);
            if (simple) {
                node(key, false, true, true);
                writeIndicator(":", false, false, false);
            } else {
                writeIndicator("?", true, false, true);
                node(key, false, false, true);
                processLineComment(key.lineComment);
                writeIndent();
                writeIndicator(":", true, false, true);
            }
            String valueLineComment = value.lineComment;
            if (simple && !key.lineComment.isEmpty()) {
                boolean blockFollows = (value.kind == YamlNode.Kind.MAPPING || value.kind == YamlNode.Kind.SEQUENCE)
                        && !value.hasStyle(YamlNode.FLOW) && !value.content.isEmpty() && flowLevel == 0;
                if (value.kind == YamlNode.Kind.SCALAR && valueLineComment.isEmpty()) {
                    valueLineComment = key.lineComment;
                } else if (blockFollows) {
                    processLineComment(key.lineComment);
                }
            }
            node(value, false, false, true);
            processLineComment(valueLineComment);
            processFootComment(value.footComment);
        }
        indent = saved;
    }

    private static boolean isSimpleKey(YamlNode key) {
        if (key.kind == YamlNode.Kind.SCALAR) {
            return key.value.length() + key.tag.length() <= 128 && !key.value.contains("\n");
        }
        if (key.kind == YamlNode.Kind.NONE || key.kind == YamlNode.Kind.ALIAS) {
            return true;
        }
        return key.content.isEmpty();
    }

    private void flowSequence(YamlNode n, String tag, boolean inSequenceItem) {
        processTag(tag);
        writeIndicator("[", true, true, false);
        int saved = indent;
        increaseIndent(true, false);
        flowLevel++;
        boolean first = true;
        for (YamlNode item : n.content) {
            if (!first) {
                writeIndicator(",", false, false, false);
            }
            first = false;
            node(item, false, false, false);
        }
        flowLevel--;
        indent = saved;
        writeIndicator("]", false, false, false);
    }

    private void flowMapping(YamlNode n, String tag, boolean inSequenceItem) {
        processTag(tag);
        writeIndicator("{", true, true, false);
        int saved = indent;
        increaseIndent(true, false);
        flowLevel++;
        for (int i = 0; i + 1 < n.content.size(); i += 2) {
            if (i > 0) {
                writeIndicator(",", false, false, false);
            }
            YamlNode key = n.content.get(i);
            if (isSimpleKey(key)) {
                node(key, false, true, true);
                writeIndicator(":", false, false, false);
            } else {
                writeIndicator("?", true, false, false);
                node(key, false, false, true);
                writeIndicator(":", true, false, false);
            }
            node(n.content.get(i + 1), false, false, true);
        }
        flowLevel--;
        indent = saved;
        writeIndicator("}", false, false, false);
    }

    // ---- scalars -------------------------------------------------------------------------------------------

    private void scalar(String value, String tag, Style requested, boolean inSequenceItem, boolean simpleKey) {
        ScalarAnalysis a = ScalarAnalysis.of(value);
        Style style = requested;
        if (simpleKey && a.multiline()) {
            style = Style.DOUBLE;
        }
        if (style == Style.PLAIN) {
            if ((flowLevel > 0 && !a.flowPlainAllowed()) || (flowLevel == 0 && !a.blockPlainAllowed())) {
                style = Style.SINGLE;
            }
            if (value.isEmpty() && (flowLevel > 0 || simpleKey)) {
                style = Style.SINGLE;
            }
        }
        if (style == Style.SINGLE && !a.singleQuotedAllowed()) {
            style = Style.DOUBLE;
        }
        if ((style == Style.LITERAL || style == Style.FOLDED)
                && (!a.blockAllowed() || flowLevel > 0 || simpleKey)) {
            style = Style.DOUBLE;
        }
        processTag(tag);
        int saved = indent;
        increaseIndent(true, inSequenceItem);
        switch (style) {
            case PLAIN -> writePlain(value);
            case SINGLE -> writeSingleQuoted(value, simpleKey);
            case DOUBLE -> writeDoubleQuoted(value);
            case LITERAL -> writeLiteral(value);
            case FOLDED -> writeFolded(value);
        }
        indent = saved;
    }

    private void processTag(String tag) {
        if (!tag.isEmpty()) {
            writeIndicator(tag, true, false, false);
        }
    }

    private void writePlain(String value) {
        if (!whitespace && !value.isEmpty()) {
            put(' ');
        }
        write(value);
        whitespace = false;
        indention = false;
    }

    private void writeSingleQuoted(String value, boolean simpleKey) {
        writeIndicator("'", true, false, false);
        boolean breaks = false;
        int[] cps = value.codePoints().toArray();
        for (int i = 0; i < cps.length; i++) {
            int c = cps[i];
            if (ScalarAnalysis.isBreak(c)) {
                if (!breaks && c == '\n') {
                    putBreak();
                }
                putBreak();
                indention = true;
                breaks = true;
            } else {
                if (breaks) {
                    writeIndent();
                }
                if (c == '\'') {
                    put('\'');
                }
                write(new String(Character.toChars(c)));
                indention = false;
                breaks = false;
            }
        }
        if (breaks) {
            writeIndent();
        }
        writeIndicator("'", false, false, false);
    }

    private void writeDoubleQuoted(String value) {
        writeIndicator("\"", true, false, false);
        int[] cps = value.codePoints().toArray();
        StringBuilder b = new StringBuilder();
        for (int c : cps) {
            if (!ScalarAnalysis.isPrintable(c) || c == 0xFEFF || ScalarAnalysis.isBreak(c) || c == '"' || c == '\\') {
                b.append('\\');
                switch (c) {
                    case 0 -> b.append('0');
                    case 0x07 -> b.append('a');
                    case 0x08 -> b.append('b');
                    case 0x09 -> b.append('t');
                    case 0x0A -> b.append('n');
                    case 0x0B -> b.append('v');
                    case 0x0C -> b.append('f');
                    case 0x0D -> b.append('r');
                    case 0x1B -> b.append('e');
                    case '"' -> b.append('"');
                    case '\\' -> b.append('\\');
                    case 0x85 -> b.append('N');
                    case 0xA0 -> b.append('_');
                    case 0x2028 -> b.append('L');
                    case 0x2029 -> b.append('P');
                    default -> {
                        if (c <= 0xFF) {
                            b.append('x').append(hex(c, 2));
                        } else if (c <= 0xFFFF) {
                            b.append('u').append(hex(c, 4));
                        } else {
                            b.append('U').append(hex(c, 8));
                        }
                    }
                }
            } else {
                b.appendCodePoint(c);
            }
        }
        write(b.toString());
        writeIndicator("\"", false, false, false);
    }

    private static String hex(int c, int width) {
        String h = Integer.toHexString(c).toUpperCase(Locale.ROOT);
        return "0".repeat(Math.max(0, width - h.length())) + h;
    }

    private void writeBlockScalarHints(String value) {
        if (!value.isEmpty() && (value.charAt(0) == ' ' || ScalarAnalysis.isBreak(value.charAt(0)))) {
            writeIndicator(Integer.toString(bestIndent), false, false, false);
        }
        String chomp = "";
        if (value.isEmpty()) {
            chomp = "-";
        } else {
            int last = value.codePointBefore(value.length());
            if (!ScalarAnalysis.isBreak(last)) {
                chomp = "-";
            } else if (value.length() == Character.charCount(last)) {
                chomp = "+";
            } else {
                String rest = value.substring(0, value.length() - Character.charCount(last));
                if (ScalarAnalysis.isBreak(rest.codePointBefore(rest.length()))) {
                    chomp = "+";
                }
            }
        }
        if (!chomp.isEmpty()) {
            writeIndicator(chomp, false, false, false);
        }
    }

    private void writeLiteral(String value) {
        writeIndicator("|", true, false, false);
        writeBlockScalarHints(value);
        whitespace = true;
        boolean breaks = true;
        int[] cps = value.codePoints().toArray();
        for (int c : cps) {
            if (ScalarAnalysis.isBreak(c)) {
                putBreak();
                breaks = true;
            } else {
                if (breaks) {
                    writeIndent();
                }
                write(new String(Character.toChars(c)));
                indention = false;
                breaks = false;
            }
        }
    }

    private void writeFolded(String value) {
        writeIndicator(">", true, false, false);
        writeBlockScalarHints(value);
        whitespace = true;
        boolean breaks = true;
        boolean leadingSpaces = true;
        int[] cps = value.codePoints().toArray();
        for (int i = 0; i < cps.length; i++) {
            int c = cps[i];
            if (ScalarAnalysis.isBreak(c)) {
                if (!breaks && !leadingSpaces && c == '\n') {
                    // The reference's emitter looks at the start of the value here rather than after the break
                    // (a long-standing quirk), which writes an extra line break in most folded scalars.
                    int k = 0;
                    while (k < cps.length && ScalarAnalysis.isBreak(cps[k])) {
                        k++;
                    }
                    if (k >= cps.length || !ScalarAnalysis.isBlank(cps[k])) {
                        putBreak();
                    }
                }
                putBreak();
                breaks = true;
            } else {
                if (breaks) {
                    writeIndent();
                    leadingSpaces = c == ' ' || c == '\t';
                }
                write(new String(Character.toChars(c)));
                indention = false;
                breaks = false;
            }
        }
    }

    // ---- comments ------------------------------------------------------------------------------------------

    private void processHeadComment(String comment) {
        if (comment.isEmpty()) {
            return;
        }
        writeIndent();
        writeComment(comment);
    }

    private void processLineComment(String comment) {
        if (comment.isEmpty()) {
            return;
        }
        if (!whitespace) {
            put(' ');
        }
        writeComment(comment);
    }

    private void processFootComment(String comment) {
        if (comment.isEmpty()) {
            return;
        }
        writeIndent();
        writeComment(comment);
    }

    private void writeComment(String comment) {
        boolean breaks = false;
        boolean pound = false;
        int i = 0;
        while (i < comment.length()) {
            char c = comment.charAt(i);
            if (c == '\n') {
                putBreak();
                breaks = true;
                pound = false;
                i++;
            } else {
                if (breaks) {
                    writeIndent();
                }
                if (!pound) {
                    if (c != '#') {
                        write("# ");
                    }
                    pound = true;
                }
                int end = comment.indexOf('\n', i);
                end = end < 0 ? comment.length() : end;
                write(comment.substring(i, end));
                i = end;
                indention = false;
                breaks = false;
            }
        }
        if (!breaks) {
            putBreak();
        }
        whitespace = true;
    }

    // ---- low-level writing ---------------------------------------------------------------------------------

    private void writeIndent() {
        int target = Math.max(indent, 0);
        if (!indention || column > target || (column == target && !whitespace)) {
            putBreak();
        }
        while (column < target) {
            put(' ');
        }
        whitespace = true;
        indention = true;
    }

    private void writeIndicator(String indicator, boolean needWhitespace, boolean isWhitespace, boolean isIndention) {
        if (needWhitespace && !whitespace) {
            put(' ');
        }
        write(indicator);
        whitespace = isWhitespace;
        indention = indention && isIndention;
    }

    private void put(char c) {
        out.append(c);
        column++;
    }

    private void write(String s) {
        out.append(s);
        column += s.codePointCount(0, s.length());
    }

    private void putBreak() {
        out.append('\n');
        column = 0;
        indention = true;
    }
}
