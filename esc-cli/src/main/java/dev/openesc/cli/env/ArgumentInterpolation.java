package dev.openesc.cli.env;

import dev.openesc.cli.render.ValuePaths;
import dev.openesc.core.syntax.encoding.PropertyPath;
import dev.openesc.core.syntax.encoding.YamlEditException;
import dev.openesc.core.value.Value;
import java.util.List;

/**
 * {@code ${path}} in the arguments of {@code esc run}, replaced by the opened environment's value at the path;
 * {@code $$} is a literal {@code $}. A path with no value becomes empty text. An argument that does not parse (an
 * unclosed {@code ${}) is left as it is, as the reference leaves it.
 */
final class ArgumentInterpolation {
    private ArgumentInterpolation() {}

    /** An interpolated argument and the secrets it now contains. */
    record Result(String text, List<String> secrets) {}

    static Result interpolate(String arg, Value root) {
        StringBuilder b = new StringBuilder();
        java.util.ArrayList<String> secrets = new java.util.ArrayList<>();
        int i = 0;
        while (i < arg.length()) {
            char c = arg.charAt(i);
            if (c == '$' && i + 1 < arg.length() && arg.charAt(i + 1) == '$') {
                b.append('$');
                i += 2;
            } else if (c == '$' && i + 1 < arg.length() && arg.charAt(i + 1) == '{') {
                int close = closingBrace(arg, i + 2);
                if (close < 0) {
                    return new Result(arg, List.of());
                }
                List<Object> path;
                try {
                    path = PropertyPath.parse(arg.substring(i + 2, close)).accessors();
                } catch (YamlEditException e) {
                    return new Result(arg, List.of());
                }
                Value v = path.isEmpty() ? null : ValuePaths.get(root, path);
                if (v != null) {
                    String s = v.toString(false);
                    if (v.secret()) {
                        secrets.add(s);
                    }
                    b.append(s);
                }
                i = close + 1;
            } else {
                b.append(c);
                i++;
            }
        }
        return new Result(b.toString(), secrets);
    }

    /** The index of the '}' closing an access, skipping quoted keys such as {@code ["a}b"]}. */
    private static int closingBrace(String s, int from) {
        boolean quoted = false;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    quoted = false;
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == '}') {
                return i;
            }
        }
        return -1;
    }
}
