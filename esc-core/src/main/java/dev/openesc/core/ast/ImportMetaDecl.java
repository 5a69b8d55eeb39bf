package dev.openesc.core.ast;

import dev.openesc.core.syntax.Node;

/** Options of an import. {@code merge} is null when not given. */
public record ImportMetaDecl(Node node, BooleanExpr merge) {}
