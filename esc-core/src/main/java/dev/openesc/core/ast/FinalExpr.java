package dev.openesc.core.ast;

import dev.openesc.core.syntax.ObjectNode;
import java.util.Objects;

/** {@code fn::final}: a value that importing environments must not override. */
public record FinalExpr(ObjectNode node, StringExpr name, Expr args, Expr value) implements BuiltinExpr {
    public FinalExpr {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(args, "args");
    }
}
