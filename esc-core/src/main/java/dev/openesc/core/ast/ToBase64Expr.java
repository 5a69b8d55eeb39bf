package dev.openesc.core.ast;

import dev.openesc.core.syntax.ObjectNode;
import java.util.Objects;

/** {@code fn::toBase64}: encodes a string as base64. */
public record ToBase64Expr(ObjectNode node, StringExpr name, Expr args, Expr value) implements BuiltinExpr {
    public ToBase64Expr {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(args, "args");
    }
}
