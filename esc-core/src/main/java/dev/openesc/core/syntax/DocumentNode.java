package dev.openesc.core.syntax;

/** The root of a decoded document; holds document-level trivia (comments) through its syntax. */
public record DocumentNode(Syntax syntax, Node content) implements Node {
    public DocumentNode {
        syntax = syntax == null ? Syntax.NONE : syntax;
    }
}
