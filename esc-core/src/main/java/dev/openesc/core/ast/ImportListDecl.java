package dev.openesc.core.ast;

import dev.openesc.core.syntax.Node;
import java.util.List;

/** The {@code imports} list. Empty when the section is not a list (an error was reported). */
public record ImportListDecl(Node node, List<ImportDecl> elements) {
    public ImportListDecl {
        elements = List.copyOf(elements);
    }
}
