package dev.openesc.core.ast;

import dev.openesc.core.syntax.Node;

/**
 * Options of an import ({@code name: {merge: false}}). {@code merge} is null when not given. When the options are
 * not an object (an error was reported) there are none.
 */
public record ImportMetaDecl(Node node, BooleanExpr merge) {}
