package dev.openesc.cli.env;

import dev.openesc.core.value.Expr;
import java.util.List;
import java.util.Map;

/** Finds the expression that defines a property path, stepping into builtin arguments by the builtin's name. */
final class ExprPaths {
    private ExprPaths() {}

    static Expr get(Map<String, Expr> top, List<Object> path) {
        if (top == null || path.isEmpty() || !(path.get(0) instanceof String first)) {
            return null;
        }
        Expr x = top.get(first);
        for (int i = 1; i < path.size() && x != null; i++) {
            Object accessor = path.get(i);
            if (x.builtin() != null) {
                x = accessor.equals(x.builtin().name()) ? x.builtin().arg() : null;
            } else if (x.list() != null && accessor instanceof Integer index) {
                x = index >= 0 && index < x.list().size() ? x.list().get(index) : null;
            } else if (x.object() != null && accessor instanceof String key) {
                x = x.object().get(key);
            } else {
                x = null;
            }
        }
        return x;
    }
}
