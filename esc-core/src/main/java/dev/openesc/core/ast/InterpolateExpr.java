package dev.openesc.core.ast;

import dev.openesc.core.syntax.Node;
import java.util.List;
import java.util.Objects;

/**
 * A string with embedded property accesses, e.g. {@code "hello, ${user.name}!"}. Evaluation replaces each access
 * with its value converted to a string.
 *
 * <p>A class with the members, equality and text of a record of (node, parts). The common shape, a text and one
 * name ({@code item-${name}}), keeps its text and name in the expression itself, and {@link #parts()} makes its one
 * part list ({@link OneNameInterpolation}, equal to the general list) when asked: a parsed definition lives as long
 * as a whole evaluation, and the parts object was one more per value for the collector to copy (decisions.md,
 * entry 31).
 */
public final class InterpolateExpr implements Expr {
    private final Node node;
    /** The parts, or null when they are {@link #text} and {@link #name}. */
    private final List<Interpolation> parts;
    private final String text;
    private final PropertyName name;

    public InterpolateExpr(Node node, List<Interpolation> parts) {
        this.node = Objects.requireNonNull(node, "node");
        List<Interpolation> compact = OneNameInterpolation.compact(parts);
        if (compact instanceof OneNameInterpolation one) {
            this.parts = null;
            this.text = one.text();
            this.name = one.name();
        } else {
            this.parts = List.copyOf(parts);
            this.text = null;
            this.name = null;
        }
    }

    /** The common shape: {@code text} then a reference of {@code name}, with no parts list to unpack. */
    InterpolateExpr(Node node, String text, PropertyName name) {
        this.node = Objects.requireNonNull(node, "node");
        this.parts = null;
        this.text = Objects.requireNonNull(text, "text");
        this.name = Objects.requireNonNull(name, "name");
    }

    @Override
    public Node node() {
        return node;
    }

    /** The parts in order; for the common shape a list made on each call (equal every time). */
    public List<Interpolation> parts() {
        return parts != null ? parts : OneNameInterpolation.of(text, name);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InterpolateExpr x && node.equals(x.node) && parts().equals(x.parts());
    }

    @Override
    public int hashCode() {
        return 31 * node.hashCode() + parts().hashCode();
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        parts().forEach(b::append);
        return b.toString();
    }
}
