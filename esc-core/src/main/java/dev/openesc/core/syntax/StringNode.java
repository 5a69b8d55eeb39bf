package dev.openesc.core.syntax;

public record StringNode(Syntax syntax, String value) implements Node {
    public StringNode {
        syntax = syntax == null ? Syntax.NONE : syntax;
    }

    public static StringNode of(String value) {
        return new StringNode(Syntax.NONE, value);
    }

    @Override
    public String toString() {
        return value;
    }
}
