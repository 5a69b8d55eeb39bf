package dev.openesc.core.ast;

import dev.openesc.core.syntax.ObjectNode;
import java.util.Objects;

/** {@code fn::fromJSON}: decodes JSON text. */
public record FromJSONExpr(ObjectNode node, StringExpr name, Expr args, Expr string) implements BuiltinExpr {
    public FromJSONExpr {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(args, "args");
    }
}
