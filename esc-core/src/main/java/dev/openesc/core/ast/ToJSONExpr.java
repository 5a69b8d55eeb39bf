package dev.openesc.core.ast;

import dev.openesc.core.syntax.ObjectNode;
import java.util.Objects;

/** {@code fn::toJSON}: the JSON text of a value. */
public record ToJSONExpr(ObjectNode node, StringExpr name, Expr args, Expr value) implements BuiltinExpr {
    public ToJSONExpr {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(args, "args");
    }
}
