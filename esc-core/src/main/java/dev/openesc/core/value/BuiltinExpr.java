package dev.openesc.core.value;

import dev.openesc.core.schema.Schema;

/** A builtin function call on the wire: its name, the name's range, the schema of its argument and the argument. */
public record BuiltinExpr(String name, Range nameRange, Schema argSchema, Expr arg) {}
