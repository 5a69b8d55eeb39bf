package dev.openesc.core.syntax.encoding;

import dev.openesc.core.syntax.ArrayNode;
import dev.openesc.core.syntax.BooleanNode;
import dev.openesc.core.syntax.Diagnostic;
import dev.openesc.core.syntax.Diagnostics;
import dev.openesc.core.syntax.DocumentNode;
import dev.openesc.core.syntax.Node;
import dev.openesc.core.syntax.NullNode;
import dev.openesc.core.syntax.NumberNode;
import dev.openesc.core.syntax.ObjectNode;
import dev.openesc.core.syntax.StringNode;
import java.util.Objects;

/**
 * Turns syntax nodes back into YAML nodes. A node decoded from YAML keeps its tag, style and comments, and an
 * unchanged literal keeps its original spelling; the tag is corrected when the node's type changed. Strings that
 * would read back as numbers or booleans are single-quoted.
 */
final class SyntaxToYaml {
    private final Diagnostics diags;
    private final boolean tagNewScalars;

    SyntaxToYaml(Diagnostics diags) {
        this(diags, false);
    }

    /**
     * @param tagNewScalars give scalars without YAML syntax the tag of their type, so that the emitter quotes a
     *     string that would otherwise read back as another type (the reference leaves them untagged, which is
     *     right for its own re-encoding but not for values inserted by an edit, whose style is not kept)
     */
    SyntaxToYaml(Diagnostics diags, boolean tagNewScalars) {
        this.diags = diags;
        this.tagNewScalars = tagNewScalars;
    }

    YamlNode convert(Node n) {
        YamlNode y = new YamlNode();
        if (n == null) {
            diags.add(Diagnostic.error(null, "nil nodes are not supported", ""));
            return y;
        }
        Object original = null;
        if (n.syntax() instanceof YamlSyntax s && s.node() != null) {
            y.tag = s.node().tag;
            y.value = s.node().value;
            y.style = s.node().style;
            y.headComment = s.node().headComment;
            y.lineComment = s.node().lineComment;
            y.footComment = s.node().footComment;
            y.documentComment = s.node().documentComment;
            original = s.originalValue();
        } else if (n.syntax() instanceof TriviaSyntax t) {
            y.headComment = t.headComment();
            y.lineComment = t.lineComment();
            y.footComment = t.footComment();
        }
        if (n instanceof NullNode) {
            y.kind = YamlNode.Kind.SCALAR;
            y.tag = fixTag(y.tag, "!!null");
            switch (y.value) {
                case "null", "Null", "NULL", "~" -> { }
                default -> y.value = "null";
            }
        } else if (n instanceof BooleanNode b) {
            y.kind = YamlNode.Kind.SCALAR;
            y.tag = fixTag(y.tag, "!!bool");
            if (!Objects.equals(original, b.value())) {
                y.value = Boolean.toString(b.value());
            }
        } else if (n instanceof NumberNode num) {
            y.kind = YamlNode.Kind.SCALAR;
            if (!y.tag.isEmpty() && !y.tag.equals("!!int") && !y.tag.equals("!!float")) {
                y.tag = isInt64(num.value()) ? "!!int" : "!!float";
            }
            if (!Objects.equals(original, num.value())) {
                y.value = num.value();
            }
        } else if (n instanceof StringNode str) {
            String value = str.value();
            y.kind = YamlNode.Kind.SCALAR;
            y.tag = fixTag(y.tag, "!!str");
            if (GoFloat.parsesAsFloat32(value) || value.equals("true") || value.equals("false")) {
                y.style = YamlNode.SINGLE_QUOTED;
            }
            if (!Objects.equals(original, value)) {
                y.value = value;
            }
        } else if (n instanceof ArrayNode a) {
            y.kind = YamlNode.Kind.SEQUENCE;
            for (Node e : a.elements()) {
                y.content.add(convert(e));
            }
        } else if (n instanceof ObjectNode o) {
            y.kind = YamlNode.Kind.MAPPING;
            for (ObjectNode.Entry e : o.entries()) {
                y.content.add(convert(e.key()));
                y.content.add(convert(e.value()));
            }
        } else if (n instanceof DocumentNode d) {
            y.kind = YamlNode.Kind.DOCUMENT;
            if (d.content() != null) {
                y.content.add(convert(d.content()));
            }
        }
        if (tagNewScalars && y.kind == YamlNode.Kind.SCALAR && y.tag.isEmpty()) {
            y.tag = n instanceof NullNode ? "!!null" : n instanceof BooleanNode ? "!!bool"
                    : n instanceof NumberNode num ? (isInt64(num.value()) ? "!!int" : "!!float") : "!!str";
        }
        return y;
    }

    private static String fixTag(String tag, String wanted) {
        return !tag.isEmpty() && !tag.equals(wanted) ? wanted : tag;
    }

    private static boolean isInt64(String number) {
        try {
            Long.parseLong(number);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
