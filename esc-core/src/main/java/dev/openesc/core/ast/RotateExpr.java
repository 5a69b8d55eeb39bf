package dev.openesc.core.ast;

import dev.openesc.core.syntax.ObjectNode;
import java.util.Objects;

/**
 * {@code fn::rotate} (provider, inputs and state in an object) or {@code fn::rotate::<provider>}: a rotated
 * credential. State is a synthesized null literal when not written (a non-object state is kept, after an error).
 * Provider and inputs are null when missing or malformed; all three are null when the argument is not an object.
 */
public record RotateExpr(
        ObjectNode node, StringExpr name, Expr args, StringExpr provider, Expr inputs, Expr state)
        implements BuiltinExpr {
    public RotateExpr {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(args, "args");
    }
}
