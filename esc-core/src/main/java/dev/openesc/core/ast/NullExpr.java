package dev.openesc.core.ast;

import dev.openesc.core.syntax.Node;
import dev.openesc.core.syntax.NullNode;
import java.util.Objects;

/** The null literal. */
public record NullExpr(Node node) implements Expr {
    public NullExpr {
        Objects.requireNonNull(node, "node");
    }

    /** A null literal that does not come from a document. */
    public static NullExpr synthetic() {
        return new NullExpr(NullNode.of());
    }
}
