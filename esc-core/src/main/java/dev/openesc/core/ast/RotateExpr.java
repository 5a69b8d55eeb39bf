package dev.openesc.core.ast;

import dev.openesc.core.syntax.ObjectNode;
import java.util.Objects;

/** {@code fn::rotate} or {@code fn::rotate::<provider>}: a rotated credential with its provider, inputs and persisted state. State is a null literal when not written; provider, inputs and state are null when missing or malformed (for state: when the argument is not an object). */
public record RotateExpr(ObjectNode node, StringExpr name, Expr args, StringExpr provider, Expr inputs, Expr state) implements BuiltinExpr {
    public RotateExpr {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(args, "args");
    }
}
