package dev.openesc.core.syntax.encoding;

import java.util.ArrayList;
import java.util.List;

/**
 * A mutable YAML representation node, modelled on the node tree the reference keeps under its syntax: kind, tag,
 * scalar text, presentation style, the three comment slots (head, line, foot) and children. Mappings hold their
 * children as alternating key and value nodes. Positions are 1-based line and column (columns count code points),
 * 0 when the node was not read from a source.
 *
 * <p>Decoded syntax nodes point back at these nodes (through {@link YamlSyntax}) so that re-encoding can keep styles
 * and comments, and so that {@link YamlEditor} can edit a document in place.
 */
public final class YamlNode {
    /** What a node is. {@code NONE} is the empty placeholder a fresh edit target starts as. */
    public enum Kind { NONE, DOCUMENT, SEQUENCE, MAPPING, SCALAR, ALIAS }

    /** Presentation style bits, combined in {@link #style}. */
    public static final int TAGGED = 1;
    public static final int DOUBLE_QUOTED = 2;
    public static final int SINGLE_QUOTED = 4;
    public static final int LITERAL = 8;
    public static final int FOLDED = 16;
    public static final int FLOW = 32;

    public Kind kind = Kind.NONE;
    /** Short tag ("!!str", "!custom"), or "" when none. */
    public String tag = "";
    public String value = "";
    public int style;
    public String headComment = "";
    public String lineComment = "";
    public String footComment = "";
    /**
     * Comments at the top of the file, set apart from the first entry by a blank line. Kept on the document's
     * root value (not the document) because decoding hands out the root value.
     */
    public String documentComment = "";
    public List<YamlNode> content;
    public int line;
    public int column;

    public YamlNode() {
        content = new ArrayList<>();
    }

    public YamlNode(Kind kind, String tag, String value) {
        this(kind, tag, value, new ArrayList<>());
    }

    /**
     * A node with the given children list. A tree read only to be converted into syntax nodes, and never edited,
     * gives its scalars the shared empty list: a list object per scalar, for an environment of 100,000 values
     * 200,000 of them, was a fifth of such a tree.
     */
    YamlNode(Kind kind, String tag, String value, List<YamlNode> content) {
        this.kind = kind;
        this.tag = tag;
        this.value = value;
        this.content = content;
    }

    public static YamlNode scalar(String tag, String value) {
        return new YamlNode(Kind.SCALAR, tag, value);
    }

    public static YamlNode mapping() {
        return new YamlNode(Kind.MAPPING, "!!map", "");
    }

    public static YamlNode sequence() {
        return new YamlNode(Kind.SEQUENCE, "!!seq", "");
    }

    public boolean hasStyle(int bits) {
        return (style & bits) != 0;
    }

    /** A deep copy, so that one parsed value can be inserted into a document several times. */
    public YamlNode copy() {
        YamlNode n = new YamlNode(kind, tag, value);
        n.style = style;
        n.headComment = headComment;
        n.lineComment = lineComment;
        n.footComment = footComment;
        n.documentComment = documentComment;
        n.line = line;
        n.column = column;
        for (YamlNode c : content) {
            n.content.add(c.copy());
        }
        return n;
    }

    @Override
    public String toString() {
        return kind + (tag.isEmpty() ? "" : " " + tag) + (kind == Kind.SCALAR ? " " + value : " " + content);
    }
}
