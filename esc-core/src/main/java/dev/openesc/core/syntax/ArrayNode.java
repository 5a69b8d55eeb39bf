package dev.openesc.core.syntax;

import java.util.List;

public record ArrayNode(Syntax syntax, List<Node> elements) implements Node {
    public ArrayNode {
        syntax = syntax == null ? Syntax.NONE : syntax;
        elements = List.copyOf(elements);
    }

    public static ArrayNode of(Node... elements) {
        return new ArrayNode(Syntax.NONE, List.of(elements));
    }

    public int size() {
        return elements.size();
    }

    public Node get(int i) {
        return elements.get(i);
    }
}
