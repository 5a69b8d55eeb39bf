package dev.openesc.core.ast;

import dev.openesc.core.syntax.Node;
import java.util.List;
import java.util.Objects;

/** An object. Entries keep the document's order, and duplicate keys are kept as written. */
public record ObjectExpr(Node node, List<ObjectProperty> entries) implements Expr {
    public ObjectExpr {
        Objects.requireNonNull(node, "node");
        entries = List.copyOf(entries);
    }
}
