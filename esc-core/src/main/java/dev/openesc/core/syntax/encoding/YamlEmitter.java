package dev.openesc.core.syntax.encoding;

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

    private final YamlTextWriter w;
    private final int bestIndent;
    private int flowLevel;
    /** The line comment of the node being written; a block scalar writes it after its header and clears it. */
    private String lineComment = "";

    YamlEmitter(int bestIndent) {
        this.bestIndent = bestIndent < 2 || bestIndent > 9 ? 2 : bestIndent;
        this.w = new YamlTextWriter(this.bestIndent);
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
                w.writeComment(docHead);
            }
            if (!docFoot.isEmpty()) {
                w.writeComment(docFoot);
            }
            return w.text();
        }
        String documentComment = docHead.isEmpty() ? content.documentComment
                : content.documentComment.isEmpty() ? docHead : docHead + "\n" + content.documentComment;
        if (!documentComment.isEmpty()) {
            w.writeComment(documentComment);
            w.putBreak();
        }
        node(content, false, false, false);
        w.processLineComment(content.lineComment);
        int saved = w.indent;
        w.indent = -1;
        w.writeIndent();
        w.indent = saved;
        String foot = content.footComment;
        if (!foot.isEmpty()) {
            w.writeComment(foot);
        }
        if (!docFoot.isEmpty()) {
            w.writeComment(docFoot);
        }
        return w.text();
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
                w.writeIndicator("*" + n.value, true, false, false);
            }
            case DOCUMENT -> {
                YamlNode c = n.content.isEmpty() ? YamlNode.scalar("!!null", "null") : n.content.get(0);
                node(c, inSequenceItem, simpleKey, mappingContext);
            }
            case SCALAR -> scalar(n.value, tag, styleOf(n, forceQuoting), inSequenceItem, simpleKey);
            case NONE -> scalar("null", "", YamlTextWriter.Style.PLAIN, inSequenceItem, simpleKey);
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

    private static YamlTextWriter.Style styleOf(YamlNode n, boolean forceQuoting) {
        if (n.hasStyle(YamlNode.DOUBLE_QUOTED)) {
            return YamlTextWriter.Style.DOUBLE;
        }
        if (n.hasStyle(YamlNode.SINGLE_QUOTED)) {
            return YamlTextWriter.Style.SINGLE;
        }
        if (n.hasStyle(YamlNode.LITERAL)) {
            return YamlTextWriter.Style.LITERAL;
        }
        if (n.hasStyle(YamlNode.FOLDED)) {
            return YamlTextWriter.Style.FOLDED;
        }
        if (n.value.contains("\n")) {
            return YamlTextWriter.Style.LITERAL;
        }
        return forceQuoting ? YamlTextWriter.Style.DOUBLE : YamlTextWriter.Style.PLAIN;
    }

    private void increaseIndent(boolean flow, boolean inSequenceItem) {
        if (w.indent < 0) {
            w.indent = flow ? bestIndent : 0;
        } else if (inSequenceItem) {
            w.indent += 2;
        } else {
            w.indent = bestIndent * ((w.indent + bestIndent) / bestIndent);
        }
    }

    private void blockSequence(YamlNode n, String tag, boolean inSequenceItem) {
        w.processTag(tag);
        int saved = w.indent;
        increaseIndent(false, inSequenceItem);
        for (YamlNode item : n.content) {
            w.processHeadComment(item.headComment);
            w.writeIndent();
            w.writeIndicator("-", true, false, true);
            lineComment = item.lineComment;
            node(item, true, false, false);
            w.processLineComment(lineComment);
            lineComment = "";
            w.processFootComment(item.footComment);
        }
        w.indent = saved;
    }

    private void blockMapping(YamlNode n, String tag, boolean inSequenceItem) {
        w.processTag(tag);
        int saved = w.indent;
        increaseIndent(false, inSequenceItem);
        for (int i = 0; i + 1 < n.content.size(); i += 2) {
            YamlNode key = n.content.get(i);
            YamlNode value = n.content.get(i + 1);
            w.processHeadComment(key.headComment);
            w.writeIndent();
            boolean simple = isSimpleKey(key);
            if (simple) {
                node(key, false, true, true);
                w.writeIndicator(":", false, false, false);
            } else {
                w.writeIndicator("?", true, false, true);
                node(key, false, false, true);
                w.processLineComment(key.lineComment);
                w.writeIndent();
                w.writeIndicator(":", true, false, true);
            }
            String valueLineComment = value.lineComment;
            if (simple && !key.lineComment.isEmpty()) {
                boolean blockFollows = (value.kind == YamlNode.Kind.MAPPING || value.kind == YamlNode.Kind.SEQUENCE)
                        && !value.hasStyle(YamlNode.FLOW) && !value.content.isEmpty() && flowLevel == 0;
                if (value.kind == YamlNode.Kind.SCALAR && valueLineComment.isEmpty()) {
                    valueLineComment = key.lineComment;
                } else if (blockFollows) {
                    w.processLineComment(key.lineComment);
                }
            }
            lineComment = valueLineComment;
            node(value, false, false, true);
            w.processLineComment(lineComment);
            lineComment = "";
            // A key's foot comment can only be written once its value is done.
            w.processFootComment(key.footComment.isEmpty() ? value.footComment
                    : value.footComment.isEmpty() ? key.footComment : key.footComment + "\n" + value.footComment);
        }
        w.indent = saved;
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
        w.processTag(tag);
        w.writeIndicator("[", true, true, false);
        int saved = w.indent;
        increaseIndent(true, false);
        flowLevel++;
        boolean first = true;
        for (YamlNode item : n.content) {
            if (!first) {
                w.writeIndicator(",", false, false, false);
            }
            first = false;
            node(item, false, false, false);
        }
        flowLevel--;
        w.indent = saved;
        w.writeIndicator("]", false, false, false);
    }

    private void flowMapping(YamlNode n, String tag, boolean inSequenceItem) {
        w.processTag(tag);
        w.writeIndicator("{", true, true, false);
        int saved = w.indent;
        increaseIndent(true, false);
        flowLevel++;
        for (int i = 0; i + 1 < n.content.size(); i += 2) {
            if (i > 0) {
                w.writeIndicator(",", false, false, false);
            }
            YamlNode key = n.content.get(i);
            if (isSimpleKey(key)) {
                node(key, false, true, true);
                w.writeIndicator(":", false, false, false);
            } else {
                w.writeIndicator("?", true, false, false);
                node(key, false, false, true);
                w.writeIndicator(":", true, false, false);
            }
            node(n.content.get(i + 1), false, false, true);
        }
        flowLevel--;
        w.indent = saved;
        w.writeIndicator("}", false, false, false);
    }

    // ---- scalars -------------------------------------------------------------------------------------------

    private void scalar(String value, String tag, YamlTextWriter.Style requested, boolean inSequenceItem, boolean simpleKey) {
        ScalarAnalysis a = ScalarAnalysis.of(value);
        YamlTextWriter.Style style = requested;
        if (simpleKey && a.multiline()) {
            style = YamlTextWriter.Style.DOUBLE;
        }
        if (style == YamlTextWriter.Style.PLAIN) {
            if ((flowLevel > 0 && !a.flowPlainAllowed()) || (flowLevel == 0 && !a.blockPlainAllowed())) {
                style = YamlTextWriter.Style.SINGLE;
            }
            if (value.isEmpty() && (flowLevel > 0 || simpleKey)) {
                style = YamlTextWriter.Style.SINGLE;
            }
        }
        if (style == YamlTextWriter.Style.SINGLE && !a.singleQuotedAllowed()) {
            style = YamlTextWriter.Style.DOUBLE;
        }
        if ((style == YamlTextWriter.Style.LITERAL || style == YamlTextWriter.Style.FOLDED)
                && (!a.blockAllowed() || flowLevel > 0 || simpleKey)) {
            style = YamlTextWriter.Style.DOUBLE;
        }
        w.processTag(tag);
        int saved = w.indent;
        increaseIndent(true, inSequenceItem);
        switch (style) {
            case PLAIN -> w.writePlain(value);
            case SINGLE -> w.writeSingleQuoted(value, simpleKey);
            case DOUBLE -> w.writeDoubleQuoted(value);
            case LITERAL -> {
                w.writeLiteral(value, lineComment);
                lineComment = "";
            }
            case FOLDED -> {
                w.writeFolded(value, lineComment);
                lineComment = "";
            }
        }
        w.indent = saved;
    }
}
