package dev.openesc.core.syntax;

public record NullNode(Syntax syntax) implements Node {
    public NullNode {
        syntax = syntax == null ? Syntax.NONE : syntax;
    }

    public static NullNode of() {
        return new NullNode(Syntax.NONE);
    }

    @Override
    public String toString() {
        return "null";
    }
}
