package dev.openesc.core.ast;

import dev.openesc.core.syntax.ObjectNode;
import java.util.Objects;

/** {@code fn::concat: [list, ...]}: concatenates lists. Arrays is the argument itself. */
public record ConcatExpr(ObjectNode node, StringExpr name, Expr args, Expr arrays) implements BuiltinExpr {
    public ConcatExpr {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(args, "args");
    }
}
