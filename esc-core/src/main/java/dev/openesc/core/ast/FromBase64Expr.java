package dev.openesc.core.ast;

import dev.openesc.core.syntax.ObjectNode;
import java.util.Objects;

/** {@code fn::fromBase64}: decodes a base64 string. */
public record FromBase64Expr(ObjectNode node, StringExpr name, Expr args, Expr string) implements BuiltinExpr {
    public FromBase64Expr {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(args, "args");
    }
}
