package dev.openesc.cli.render;

import dev.openesc.cli.EscException;
import dev.openesc.core.syntax.encoding.PropertyPath;
import dev.openesc.core.syntax.encoding.YamlEditException;
import dev.openesc.core.value.Value;
import java.util.List;
import java.util.Map;

/** Property paths ({@code a.b[0]["c.d"]}) on values. */
public final class ValuePaths {
    private ValuePaths() {}

    /** Parses a path typed by the user; an empty text is the root. */
    public static List<Object> parse(String text, String what) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        try {
            return PropertyPath.parse(text).accessors();
        } catch (YamlEditException e) {
            throw new EscException(what + ": " + e.getMessage());
        }
    }

    /** The value at {@code path}, or null when there is none. */
    public static Value get(Value root, List<Object> path) {
        Value v = root;
        for (Object accessor : path) {
            if (accessor instanceof Integer i && v.asList() != null) {
                List<Value> l = v.asList();
                if (i < 0 || i >= l.size()) {
                    return null;
                }
                v = l.get(i);
            } else if (accessor instanceof String k && v.asMap() != null) {
                Map<String, Value> m = v.asMap();
                v = m.get(k);
                if (v == null) {
                    return null;
                }
            } else {
                return null;
            }
        }
        return v;
    }
}
