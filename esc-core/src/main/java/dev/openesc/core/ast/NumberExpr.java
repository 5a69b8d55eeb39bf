package dev.openesc.core.ast;

import dev.openesc.core.syntax.Node;
import java.util.Objects;

/** A number literal, kept as JSON number text so that no precision is lost. */
public record NumberExpr(Node node, String value) implements Expr {
    public NumberExpr {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(value, "value");
    }
}
