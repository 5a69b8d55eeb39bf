package dev.openesc.core.ast;

import dev.openesc.core.syntax.Diagnostics;

/** An expression and the problems found while parsing it. The expression is always present, even with errors. */
public record ParsedExpr(Expr expr, Diagnostics diagnostics) {}
