package dev.openesc.core.ast;

import dev.openesc.core.syntax.Node;
import java.util.List;
import java.util.Objects;

/** A list of expressions. */
public record ArrayExpr(Node node, List<Expr> elements) implements Expr {
    public ArrayExpr {
        Objects.requireNonNull(node, "node");
        elements = List.copyOf(elements);
    }
}
