package dev.openesc.core.ast;

import dev.openesc.core.syntax.Node;

/**
 * One import: either a bare environment name, or {@code name: {merge: false}} with import options. The name is
 * null when the entry is malformed (an error was reported); meta is null for the bare form.
 */
public record ImportDecl(Node node, StringExpr environment, ImportMetaDecl meta) {
    /** Whether the imported values merge into this environment's (the default) rather than being only readable. */
    public boolean merges() {
        return meta == null || meta.merge() == null || meta.merge().value();
    }
}
