package dev.openesc.cli.render;

import dev.openesc.core.value.Value;
import dev.openesc.core.value.WireJson;

/**
 * JSON the way the reference prints it (Go's {@code json.Encoder} with a two-space indent): one member a line,
 * {@code {}} and {@code []} for empty containers, and {@code <}, {@code >}, {@code &}, U+2028 and U+2029 escaped.
 */
public final class IndentedJson {
    private IndentedJson() {}

    /** The plain JSON of a value (secrets as {@code [secret]} when {@code redact}). */
    public static String plain(Value value, boolean redact) {
        return indent(WireJson.plainToString(value.toJson(redact)));
    }

    /** The wire form of a value, with its trace ({@code --format detailed}). */
    public static String detailed(Value value) {
        return indent(WireJson.toJson(value));
    }

    /** Re-indents compact JSON text. */
    public static String indent(String compact) {
        StringBuilder b = new StringBuilder(compact.length() * 2);
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < compact.length(); i++) {
            char c = compact.charAt(i);
            if (inString) {
                switch (c) {
                    case '\\' -> {
                        b.append(c).append(compact.charAt(++i));
                        continue;
                    }
                    case '"' -> inString = false;
                    case '<' -> {
                        b.append("\\u003c");
                        continue;
                    }
                    case '>' -> {
                        b.append("\\u003e");
                        continue;
                    }
                    case '&' -> {
                        b.append("\\u0026");
                        continue;
                    }
                    case '\u2028' -> {
                        b.append("\\u2028");
                        continue;
                    }
                    case '\u2029' -> {
                        b.append("\\u2029");
                        continue;
                    }
                    default -> { }
                }
                b.append(c);
                continue;
            }
            switch (c) {
                case '"' -> {
                    inString = true;
                    b.append(c);
                }
                case '{', '[' -> {
                    char close = c == '{' ? '}' : ']';
                    if (i + 1 < compact.length() && compact.charAt(i + 1) == close) {
                        b.append(c).append(close);
                        i++;
                    } else {
                        depth++;
                        b.append(c).append('\n');
                        pad(b, depth);
                    }
                }
                case '}', ']' -> {
                    depth--;
                    b.append('\n');
                    pad(b, depth);
                    b.append(c);
                }
                case ',' -> {
                    b.append(",\n");
                    pad(b, depth);
                }
                case ':' -> b.append(": ");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static void pad(StringBuilder b, int depth) {
        for (int i = 0; i < depth; i++) {
            b.append("  ");
        }
    }
}
