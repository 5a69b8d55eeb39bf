package dev.openesc.core.syntax;

public record BooleanNode(Syntax syntax, boolean value) implements Node {
    public BooleanNode {
        syntax = syntax == null ? Syntax.NONE : syntax;
    }

    public static BooleanNode of(boolean value) {
        return new BooleanNode(Syntax.NONE, value);
    }

    @Override
    public String toString() {
        return Boolean.toString(value);
    }
}
