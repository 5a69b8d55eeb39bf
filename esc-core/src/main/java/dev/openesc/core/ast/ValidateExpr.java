package dev.openesc.core.ast;

import dev.openesc.core.syntax.ObjectNode;
import java.util.Objects;

/**
 * {@code fn::validate: {schema, value}}: checks a value against a JSON schema. Schema and value are null when
 * missing or when the argument is not an object.
 */
public record ValidateExpr(
        ObjectNode node, StringExpr name, Expr args, Expr schema, Expr value)
        implements BuiltinExpr {
    public ValidateExpr {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(args, "args");
    }
}
