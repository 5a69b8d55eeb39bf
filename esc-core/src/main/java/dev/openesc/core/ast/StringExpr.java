package dev.openesc.core.ast;

import dev.openesc.core.syntax.Node;
import dev.openesc.core.syntax.StringNode;
import java.util.Objects;

/**
 * A string literal. The value can differ from the node's text: {@code $$} escapes are already resolved, and the
 * provider of {@code fn::open::name} is the name alone.
 */
public record StringExpr(Node node, String value) implements Expr {
    public StringExpr {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(value, "value");
    }

    /** A literal whose value is the node's own text. */
    public static StringExpr of(StringNode node) {
        return new StringExpr(node, node.value());
    }

    /** A string literal that does not come from a document. */
    public static StringExpr synthetic(String value) {
        return new StringExpr(StringNode.of(value), value);
    }
}
