package dev.openesc.core.ast;

import dev.openesc.core.syntax.ObjectNode;
import java.util.Objects;

/** {@code fn::toString}: the string form of a value. */
public record ToStringExpr(ObjectNode node, StringExpr name, Expr args, Expr value) implements BuiltinExpr {
    public ToStringExpr {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(args, "args");
    }
}
