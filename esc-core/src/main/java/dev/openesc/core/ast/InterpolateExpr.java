package dev.openesc.core.ast;

import dev.openesc.core.syntax.Node;
import java.util.List;
import java.util.Objects;

/**
 * A string with embedded property accesses, e.g. {@code "hello, ${user.name}!"}. Evaluation replaces each access
 * with its value converted to a string.
 */
public record InterpolateExpr(Node node, List<Interpolation> parts) implements Expr {
    public InterpolateExpr {
        Objects.requireNonNull(node, "node");
        // a text and one name, the common shape, is kept as one object (equal to the list it stands for)
        parts = OneNameInterpolation.compact(parts);
        parts = parts instanceof OneNameInterpolation ? parts : List.copyOf(parts);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        parts.forEach(b::append);
        return b.toString();
    }
}
