package dev.openesc.core.ast;

import dev.openesc.core.syntax.Node;
import java.util.Objects;

/** A boolean literal. */
public record BooleanExpr(Node node, boolean value) implements Expr {
    public BooleanExpr {
        Objects.requireNonNull(node, "node");
    }
}
