package dev.openesc.core.syntax;

/**
 * A number literal. The value is kept as normalized JSON number text (like Go's json.Number), so that
 * no precision is lost and output matches the reference: {@code 1.50} is {@code 1.5}, {@code 3.0} is {@code 3}.
 */
public record NumberNode(Syntax syntax, String value) implements Node {
    public NumberNode {
        syntax = syntax == null ? Syntax.NONE : syntax;
    }

    public static NumberNode of(String value) {
        return new NumberNode(Syntax.NONE, value);
    }

    @Override
    public String toString() {
        return value;
    }
}
