package dev.openesc.core.syntax;

/** A node of the untyped syntax tree that a YAML document decodes to. */
public sealed interface Node
        permits NullNode, BooleanNode, NumberNode, StringNode, ArrayNode, ObjectNode, DocumentNode {
    Syntax syntax();
}
