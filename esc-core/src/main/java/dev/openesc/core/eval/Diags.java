package dev.openesc.core.eval;

import dev.openesc.core.ast.Expr;
import dev.openesc.core.ast.PropertyAccessor;
import dev.openesc.core.syntax.Diagnostic;
import dev.openesc.core.syntax.Diagnostics;
import dev.openesc.core.syntax.Range;

/** Collects evaluation diagnostics, placed on expressions or on single accessors of a reference. */
final class Diags {
    final Diagnostics list = new Diagnostics();

    static Range rangeOf(Expr x) {
        return x == null ? null : x.range();
    }

    static String pathOf(Expr x) {
        return x == null ? "" : x.path();
    }

    void exprError(Expr x, String summary) {
        list.add(Diagnostic.error(rangeOf(x), summary, pathOf(x)));
    }

    void exprWarning(Expr x, String summary) {
        list.add(Diagnostic.warning(rangeOf(x), summary, pathOf(x)));
    }

    void accessorError(Expr parent, PropertyAccessor accessor, String summary) {
        Range r = accessor.range() != null ? accessor.range() : rangeOf(parent);
        list.add(Diagnostic.error(r, summary, pathOf(parent)));
    }

    void add(Diagnostic d) {
        list.add(d);
    }

    void addAll(Iterable<Diagnostic> ds) {
        list.addAll(ds);
    }
}
