package dev.openesc.core.ast;

import dev.openesc.core.syntax.ObjectNode;
import java.util.Objects;

/**
 * {@code fn::join: [delimiter, values]}. Delimiter and values are null when the argument is not a two-element list.
 */
public record JoinExpr(
        ObjectNode node, StringExpr name, Expr args, Expr delimiter, Expr values)
        implements BuiltinExpr {
    public JoinExpr {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(args, "args");
    }
}
