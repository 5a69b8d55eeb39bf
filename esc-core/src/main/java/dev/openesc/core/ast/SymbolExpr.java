package dev.openesc.core.ast;

import dev.openesc.core.syntax.Node;
import java.util.Objects;

/**
 * A reference to another value: a string that is exactly one property access, {@code ${a.b[0]}}. Unlike an
 * interpolation it evaluates to the referenced value itself, not to its string form.
 */
public record SymbolExpr(Node node, PropertyAccess property) implements Expr {
    public SymbolExpr {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(property, "property");
    }

    @Override
    public String toString() {
        return "${" + property + "}";
    }
}
