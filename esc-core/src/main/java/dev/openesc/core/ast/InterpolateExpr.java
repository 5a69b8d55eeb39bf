package dev.openesc.core.ast;

import dev.openesc.core.syntax.Node;
import dev.openesc.core.syntax.Range;
import dev.openesc.core.syntax.StringNode;
import dev.openesc.core.syntax.Syntax;
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
 * entry 31). Its node, a string spelt from the text and the name, is not kept either: only its syntax, and
 * {@link #node()} makes the node when asked (decisions.md, entry 35; the passes read {@link #range()}, which makes
 * nothing).
 */
public final class InterpolateExpr implements Expr {
    /** The node, or null when it is the string spelt from {@link #text} and {@link #name} at {@link #syntax}. */
    private final Node node;
    /** The node's syntax when the node is not kept, else null. */
    private final Syntax syntax;
    /** The parts, or null when they are {@link #text} and {@link #name}. */
    private final List<Interpolation> parts;
    private final String text;
    private final PropertyName name;

    public InterpolateExpr(Node node, List<Interpolation> parts) {
        Objects.requireNonNull(node, "node");
        List<Interpolation> compact = OneNameInterpolation.compact(parts);
        if (compact instanceof OneNameInterpolation one) {
            this.parts = null;
            this.text = one.text();
            this.name = one.name();
            this.syntax = spelt(node, text, name) ? node.syntax() : null;
            this.node = syntax == null ? node : null;
        } else {
            this.node = node;
            this.syntax = null;
            this.parts = List.copyOf(parts);
            this.text = null;
            this.name = null;
        }
    }

    /** The common shape: {@code text} then a reference of {@code name}, with no parts list to unpack. */
    InterpolateExpr(Node node, String text, PropertyName name) {
        Objects.requireNonNull(node, "node");
        this.parts = null;
        this.text = Objects.requireNonNull(text, "text");
        this.name = Objects.requireNonNull(name, "name");
        this.syntax = spelt(node, text, name) ? node.syntax() : null;
        this.node = syntax == null ? node : null;
    }

    /**
     * The common shape read from a string at {@code syntax} spelt {@code text + "${" + name + "}"}, without its node
     * (a {@link dev.openesc.core.syntax.OneNameValue}).
     */
    InterpolateExpr(Syntax syntax, String text, PropertyName name) {
        this.node = null;
        this.syntax = Objects.requireNonNull(syntax, "syntax");
        this.parts = null;
        this.text = Objects.requireNonNull(text, "text");
        this.name = Objects.requireNonNull(name, "name");
    }

    /** Whether {@code node} is the string of {@code text} then a reference of {@code name}, as written. */
    private static boolean spelt(Node node, String text, PropertyName name) {
        if (!(node instanceof StringNode s)) {
            return false;
        }
        String v = s.value();
        String n = name.name();
        int at = text.length();
        return v.length() == at + n.length() + 3 && v.startsWith(text) && v.startsWith("${", at)
                && v.startsWith(n, at + 2) && v.charAt(v.length() - 1) == '}';
    }

    /** The node; made on each call (equal every time) when only its syntax is kept. */
    @Override
    public Node node() {
        return node != null ? node : new StringNode(syntax, text + "${" + name.name() + "}");
    }

    @Override
    public Range range() {
        return node != null ? node.syntax().range() : syntax.range();
    }

    @Override
    public String path() {
        return node != null ? node.syntax().path() : syntax.path();
    }

    /** The parts in order; for the common shape a list made on each call (equal every time). */
    public List<Interpolation> parts() {
        return parts != null ? parts : OneNameInterpolation.of(text, name);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InterpolateExpr x && node().equals(x.node()) && parts().equals(x.parts());
    }

    @Override
    public int hashCode() {
        return 31 * node().hashCode() + parts().hashCode();
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        parts().forEach(b::append);
        return b.toString();
    }
}
