package dev.openesc.core.ast;

import dev.openesc.core.syntax.Node;

/**
 * A parsed environment definition: its description, the environments it imports and its values. Sections that the
 * document does not have are null; a section that is present but malformed is reported and kept empty.
 *
 * @param node the document's root node (null for an empty document)
 */
public record EnvironmentDecl(Node node, StringExpr description, ImportListDecl imports, PropertyMapDecl values) {
    /** The declaration of an empty document. */
    public static EnvironmentDecl empty(Node node) {
        return new EnvironmentDecl(node, null, null, null);
    }
}
