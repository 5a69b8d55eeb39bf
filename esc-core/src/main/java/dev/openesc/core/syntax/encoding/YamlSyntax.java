package dev.openesc.core.syntax.encoding;

import dev.openesc.core.syntax.Range;
import dev.openesc.core.syntax.Syntax;

/**
 * Syntax of a node decoded from YAML: its range and path, plus the YAML node it came from (with tag, style and
 * comments) and the value as first decoded. The encoder uses the YAML node to keep presentation and comments, and
 * the original value to tell whether a literal was changed (an unchanged literal keeps its original spelling, so
 * {@code 1.50} stays {@code 1.50}).
 *
 * @param node the YAML node; shared, not copied
 * @param range the source range, or null
 * @param path the document path, e.g. {@code values.foo[0]}
 * @param originalValue Boolean, number text, String, or null
 */
public record YamlSyntax(YamlNode node, Range range, String path, Object originalValue) implements Syntax {
    public YamlSyntax {
        path = path == null ? "" : path;
    }

    public String headComment() {
        return node == null ? "" : node.headComment;
    }

    public String lineComment() {
        return node == null ? "" : node.lineComment;
    }

    public String footComment() {
        return node == null ? "" : node.footComment;
    }
}
