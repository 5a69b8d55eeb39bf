package dev.openesc.core.ast;

import dev.openesc.core.syntax.Node;
import java.util.List;

/**
 * The {@code values} section: top-level properties in document order, duplicates kept as written. Keys are taken
 * literally (no {@code $$} unescaping at this level). Empty when the section is not an object (an error was
 * reported).
 */
public record PropertyMapDecl(Node node, List<ObjectProperty> entries) {
    public PropertyMapDecl {
        entries = List.copyOf(entries);
    }
}
