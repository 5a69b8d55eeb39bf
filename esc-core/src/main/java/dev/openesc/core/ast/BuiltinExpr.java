package dev.openesc.core.ast;

import dev.openesc.core.syntax.ObjectNode;

/**
 * A call to a builtin function, written as an object with a single {@code fn::...} key. The name is that key (its
 * node gives the name's range) and the argument is the key's parsed value. Each kind also exposes its argument's
 * parts under meaningful names; parts that were missing or malformed are null (an error was reported).
 */
public sealed interface BuiltinExpr extends Expr
        permits OpenExpr, RotateExpr, SecretExpr, JoinExpr, SplitExpr, ConcatExpr, ToJSONExpr, FromJSONExpr,
                ToStringExpr, ToBase64Expr, FromBase64Expr, FinalExpr, ValidateExpr {

    @Override
    ObjectNode node();

    /** The function name as written, e.g. {@code fn::join} or {@code fn::open::aws-login}. */
    StringExpr name();

    /** The argument: the value of the {@code fn::} key. */
    Expr args();
}
