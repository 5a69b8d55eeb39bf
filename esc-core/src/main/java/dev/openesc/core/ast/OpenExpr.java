package dev.openesc.core.ast;

import dev.openesc.core.syntax.ObjectNode;
import java.util.Objects;

/**
 * {@code fn::open} (provider and inputs in an object) or {@code fn::open::<provider>} (the argument is the inputs):
 * opens a provider. Provider and inputs are null when missing or malformed.
 */
public record OpenExpr(
        ObjectNode node, StringExpr name, Expr args, StringExpr provider, Expr inputs)
        implements BuiltinExpr {
    public OpenExpr {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(args, "args");
    }
}
