package dev.openesc.core.ast;

import dev.openesc.core.syntax.ObjectNode;
import java.util.Objects;

/**
 * {@code fn::split: [delimiter, string]}. Delimiter and string are null when the argument is not a two-element
 * list.
 */
public record SplitExpr(
        ObjectNode node, StringExpr name, Expr args, Expr delimiter, Expr string)
        implements BuiltinExpr {
    public SplitExpr {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(args, "args");
    }
}
