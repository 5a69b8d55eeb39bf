package dev.openesc.core.syntax.encoding;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import org.snakeyaml.engine.v2.comments.CommentType;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.CommentEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.parser.Parser;

/**
 * Builds a {@link YamlNode} tree from snakeyaml-engine parser events.
 *
 * <p>We compose from events rather than with snakeyaml's Composer for three reasons: the Composer silently replaces
 * an alias with the anchored node, while the reference reports every alias at its own position; the Composer
 * recurses per nesting level, while this builder keeps an explicit stack and enforces a depth limit; and comments
 * must be sorted into the head/line/foot slots the reference's YAML library uses, which the Composer models
 * differently.
 *
 * <p>Only the first document of a stream is read, as the reference does.
 */
final class YamlTreeBuilder {
    /** Thrown when a document nests deeper than allowed; carries the position of the offending node. */
    static final class TooDeepException extends RuntimeException {
        final int line;
        final int column;

        TooDeepException(int line, int column) {
            super("too deep", null, false, false);
            this.line = line;
            this.column = column;
        }
    }

    private final Parser parser;
    private final String text;
    private final int maxDepth;
    /** True when the tree is only converted into syntax nodes, never edited (see YamlNode's children list). */
    private final boolean readOnly;
    /** Where each line of the text starts (char index); built the first time an empty value is repositioned. */
    private int[] lineStarts;
    /** End of the last scalar read: when the next scalar is an entry's value, this is where its key ended. */
    private Mark lastScalarEnd;
    private final Deque<YamlNode> open = new ArrayDeque<>();
    private final StringBuilder pendingComments = new StringBuilder();
    private int pendingBlankLines;
    /** Column of the leftmost pending comment line, and whether the pending lines start at different columns. */
    private int pendingColumn;
    private boolean pendingMixed;
    private YamlNode lastCompleted;
    private int lastCompletedLine;
    private boolean sawNode;
    private YamlNode document;

    YamlTreeBuilder(Parser parser, String text, int maxDepth, boolean readOnly) {
        this.parser = parser;
        this.text = text;
        this.maxDepth = maxDepth;
        this.readOnly = readOnly;
    }

    /** A node without children: a scalar or an alias. */
    private YamlNode leaf(YamlNode.Kind kind, String value) {
        return readOnly ? new YamlNode(kind, "", value, java.util.List.of()) : new YamlNode(kind, "", value);
    }

    /** A document, mapping or sequence; a read-only tree's children grow in chunks (see ChunkedNodeList). */
    private YamlNode parent(YamlNode.Kind kind) {
        return readOnly ? new YamlNode(kind, "", "", new ChunkedNodeList()) : new YamlNode(kind, "", "");
    }

    /** The first document of the stream, or null when the stream holds none. */
    YamlNode build() {
        while (parser.hasNext()) {
            Event event = parser.next();
            switch (event.getEventId()) {
                case DocumentStart -> {
                    document = parent(YamlNode.Kind.DOCUMENT);
                    Mark m = mark(event);
                    if (m != null) {
                        document.line = m.getLine() + 1;
                        document.column = m.getColumn() + 1;
                    }
                    open.push(document);
                }
                case DocumentEnd -> {
                    finishDocument();
                    return document;
                }
                case Comment -> comment((CommentEvent) event);
                case Scalar -> add(scalar((ScalarEvent) event), true);
                case Alias -> {
                    YamlNode alias = leaf(YamlNode.Kind.ALIAS, ((AliasEvent) event).getAlias().getValue());
                    position(alias, event);
                    lastCompletedLine = alias.line;
                    add(alias, true);
                }
                case SequenceStart, MappingStart -> startCollection((CollectionStartEvent) event);
                case SequenceEnd, MappingEnd -> {
                    YamlNode closed = open.pop();
                    if (closed.hasStyle(YamlNode.FLOW)) {
                        lastCompleted = closed;
                        Mark end = endMark(event);
                        lastCompletedLine = end == null ? 0 : end.getLine() + 1;
                    }
                }
                default -> {
                    // stream start/end carry nothing we keep
                }
            }
        }
        if (document != null) {
            finishDocument();
        }
        return document;
    }

    private void finishDocument() {
        if (!document.headComment.isEmpty() && !document.content.isEmpty()) {
            YamlNode root = document.content.get(0);
            root.documentComment = join(root.documentComment, document.headComment);
            document.headComment = "";
        }
        String trailing = takePending();
        if (!trailing.isEmpty()) {
            YamlNode target = document.content.isEmpty() ? document : document.content.get(0);
            target.footComment = join(target.footComment, trailing);
        }
        open.clear();
    }

    private void startCollection(CollectionStartEvent event) {
        boolean mapping = event.getEventId() == Event.ID.MappingStart;
        YamlNode node = parent(mapping ? YamlNode.Kind.MAPPING : YamlNode.Kind.SEQUENCE);
        applyTag(node, event.getTag(), mapping ? "!!map" : "!!seq");
        if (event.isFlow()) {
            node.style |= YamlNode.FLOW;
        }
        position(node, event);
        // Comments above a block collection belong to its first entry, except for a sequence item, which (like a
        // flow collection) takes them itself so that they stay above its "-".
        YamlNode parent = open.peek();
        add(node, event.isFlow() || (parent != null && parent.kind == YamlNode.Kind.SEQUENCE));
        if (open.size() > maxDepth) {
            throw new TooDeepException(node.line, node.column);
        }
        open.push(node);
    }

    private YamlNode scalar(ScalarEvent event) {
        int nodeStyle = switch (event.getScalarStyle()) {
            case DOUBLE_QUOTED -> YamlNode.DOUBLE_QUOTED;
            case SINGLE_QUOTED -> YamlNode.SINGLE_QUOTED;
            case LITERAL -> YamlNode.LITERAL;
            case FOLDED -> YamlNode.FOLDED;
            default -> 0;
        };
        String value = event.getValue();
        String defaultTag;
        if (nodeStyle == 0 && event.getScalarStyle() == ScalarStyle.PLAIN) {
            defaultTag = "<<".equals(value) ? "!!merge" : "";
        } else {
            defaultTag = "!!str";
        }
        YamlNode node = leaf(YamlNode.Kind.SCALAR, value);
        applyTag(node, event.getTag(), defaultTag);
        if (node.tag.isEmpty()) {
            node.tag = plainTag(value);
        }
        node.style |= nodeStyle;
        position(node, event);
        Mark keyEnd = lastScalarEnd;
        if (value.isEmpty() && event.getScalarStyle() == ScalarStyle.PLAIN && node.tag.equals("!!null")
                && isBlockMappingValue() && keyEnd != null) {
            placeAfterColon(node, keyEnd);
        }
        Mark end = endMark(event);
        lastScalarEnd = end;
        lastCompletedLine = end == null ? 0 : end.getLine() + 1;
        return node;
    }

    /** The tag an untagged plain scalar gets (also {@link BlockYamlScanner}'s, so that both trees agree). */
    static String plainTag(String value) {
        if ("<<".equals(value)) {
            return "!!merge";
        }
        return ScalarResolver.plainString(value) ? "!!str" : ScalarResolver.resolve("", value).tag();
    }

    /** True when the next node added to the open collection is the value of a block mapping entry. */
    private boolean isBlockMappingValue() {
        YamlNode parent = open.peek();
        return parent != null && parent.kind == YamlNode.Kind.MAPPING && !parent.hasStyle(YamlNode.FLOW)
                && parent.content.size() % 2 == 1
                && parent.content.get(parent.content.size() - 1).kind == YamlNode.Kind.SCALAR;
    }

    /**
     * Puts an empty value ({@code key:} with nothing after it) just after its colon, where the reference puts it.
     * snakeyaml-engine places it at the next token instead when comments or blank lines follow (it reads those as
     * comment tokens), which for a value at the end of a file is a line past the end.
     */
    private void placeAfterColon(YamlNode node, Mark keyEnd) {
        int line = keyEnd.getLine();
        int[] starts = lineStarts();
        if (line >= starts.length) {
            return;
        }
        int i;
        try {
            i = text.offsetByCodePoints(starts[line], keyEnd.getColumn());
        } catch (IndexOutOfBoundsException e) {
            return;
        }
        int column = keyEnd.getColumn();
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
            column++;
        }
        if (i < text.length() && text.charAt(i) == ':') {
            node.line = line + 1;
            node.column = column + 2;
        }
    }

    private int[] lineStarts() {
        if (lineStarts == null) {
            int[] starts = new int[16];
            int count = 1;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                boolean crlf = c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n';
                if (c == '\n' || (c == '\r' && !crlf)) {
                    if (count == starts.length) {
                        starts = java.util.Arrays.copyOf(starts, count * 2);
                    }
                    starts[count++] = i + 1;
                }
            }
            lineStarts = java.util.Arrays.copyOf(starts, count);
        }
        return lineStarts;
    }

    private static void applyTag(YamlNode node, Optional<String> tag, String defaultTag) {
        String t = tag.orElse("");
        if (!t.isEmpty() && !"!".equals(t)) {
            node.tag = shortTag(t);
            node.style |= YamlNode.TAGGED;
        } else {
            node.tag = defaultTag;
        }
    }

    static String shortTag(String tag) {
        String longPrefix = "tag:yaml.org,2002:";
        return tag.startsWith(longPrefix) ? "!!" + tag.substring(longPrefix.length()) : tag;
    }

    private void add(YamlNode node, boolean takesComments) {
        YamlNode parent = open.peek();
        if (parent == null) {
            return;
        }
        if (pendingComments.length() > 0 && !pendingMixed && lastCompleted != null && node.column > 0
                && pendingColumn > node.column) {
            // Indented deeper than what follows: the comments close the previous, more nested block.
            lastCompleted.footComment = join(lastCompleted.footComment, takePending());
        }
        if (takesComments) {
            if (!sawNode && pendingBlankLines > 0 && document != null) {
                // Comments at the top of a file, set apart by a blank line, describe the whole document.
                document.headComment = join(document.headComment, takePending());
            }
            String head = takePending();
            if (!head.isEmpty()) {
                node.headComment = join(node.headComment, head);
            }
            sawNode = true;
        }
        parent.content.add(node);
        if (node.kind == YamlNode.Kind.SCALAR || node.kind == YamlNode.Kind.ALIAS) {
            lastCompleted = node;
        }
    }

    private void comment(CommentEvent event) {
        CommentType type = event.getCommentType();
        Mark m = mark(event);
        int line = m == null ? 0 : m.getLine() + 1;
        if (type == CommentType.BLANK_LINE) {
            if (pendingComments.length() > 0) {
                pendingBlankLines++;
            }
            return;
        }
        String text = "#" + event.getValue();
        if (type == CommentType.IN_LINE && lastCompleted != null
                && (line == lastCompletedLine || line == lastCompleted.line)) {
            lastCompleted.lineComment = join(lastCompleted.lineComment, text);
            return;
        }
        int column = m == null ? 0 : m.getColumn() + 1;
        if (pendingComments.length() == 0) {
            pendingColumn = column;
        } else if (column != pendingColumn) {
            pendingColumn = Math.min(pendingColumn, column);
            pendingMixed = true;
        }
        if (pendingComments.length() > 0) {
            pendingComments.append('\n');
            pendingComments.append("\n".repeat(pendingBlankLines));
        }
        pendingBlankLines = 0;
        pendingComments.append(text);
    }

    /** The comment lines gathered so far. */
    private String takePending() {
        if (pendingComments.length() == 0) {
            return "";
        }
        String text = pendingComments.toString();
        pendingComments.setLength(0);
        pendingBlankLines = 0;
        pendingMixed = false;
        return text;
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : a + "\n" + b;
    }

    private static void position(YamlNode node, Event event) {
        Mark m = mark(event);
        if (m != null) {
            node.line = m.getLine() + 1;
            node.column = m.getColumn() + 1;
        }
    }

    private static Mark mark(Event event) {
        return event.getStartMark().orElse(null);
    }

    private static Mark endMark(Event event) {
        return event.getEndMark().orElse(null);
    }
}
