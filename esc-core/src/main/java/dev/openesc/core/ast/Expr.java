package dev.openesc.core.ast;

import dev.openesc.core.syntax.Node;
import dev.openesc.core.syntax.Range;

/**
 * A typed expression of the environment language: a literal, an interpolated string, a reference to another
 * property ({@code ${a.b}}), a list, an object or a call to a builtin function.
 *
 * <p>Every expression keeps the syntax node it was read from, so that later stages can report problems at the
 * right place. Expressions the parser had to invent (e.g. the empty plaintext standing in for an invalid
 * {@code fn::secret} argument) carry a node without a source range.
 */
public sealed interface Expr
        permits NullExpr, BooleanExpr, NumberExpr, StringExpr, InterpolateExpr, SymbolExpr, ArrayExpr, ObjectExpr,
                BuiltinExpr {

    /** The syntax node this expression was parsed from; never null. */
    Node node();

    /** The source range of the expression, or null when it has none. */
    default Range range() {
        return node().syntax().range();
    }

    /** The document path of the expression (e.g. {@code values.foo[0]}), or "" when unknown. */
    default String path() {
        return node().syntax().path();
    }
}
