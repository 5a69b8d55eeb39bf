package dev.openesc.core.syntax.encoding;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A parsed property path such as {@code values.foo[0]["a.b"]}: a list of accessors, each a String key or an
 * Integer index. The syntax is the one users type on the command line: names separated by dots, {@code [n]} for
 * indices, {@code ["..."]} for keys with any characters ({@code \"} escapes a quote).
 */
public record PropertyPath(List<Object> accessors) {
    public PropertyPath {
        accessors = Collections.unmodifiableList(new ArrayList<>(accessors));
    }

    public static PropertyPath parse(String path) throws YamlEditException {
        List<Object> out = new ArrayList<>();
        if (path.startsWith(".")) {
            throw new YamlEditException("expected property path to start with a name or index");
        }
        int i = 0;
        while (i < path.length()) {
            char c = path.charAt(i);
            if (c == '.') {
                if (i + 1 == path.length() || path.charAt(i + 1) == '.') {
                    throw new YamlEditException("expected a property name after '.' in " + quote(path));
                }
                i++;
            } else if (c == '[') {
                if (i + 1 < path.length() && path.charAt(i + 1) == '"') {
                    StringBuilder key = new StringBuilder();
                    int j = i + 2;
                    while (true) {
                        if (j >= path.length()) {
                            throw new YamlEditException("missing closing quote in property name in " + quote(path));
                        }
                        char k = path.charAt(j);
                        if (k == '"') {
                            j++;
                            break;
                        }
                        if (k == '\\' && j + 1 < path.length() && path.charAt(j + 1) == '"') {
                            key.append('"');
                            j += 2;
                        } else {
                            key.append(k);
                            j++;
                        }
                    }
                    if (j >= path.length() || path.charAt(j) != ']') {
                        throw new YamlEditException("missing closing bracket in property access in " + quote(path));
                    }
                    out.add(key.toString());
                    i = j + 1;
                } else {
                    int close = path.indexOf(']', i);
                    if (close < 0) {
                        throw new YamlEditException("missing closing bracket in array index in " + quote(path));
                    }
                    String segment = path.substring(i + 1, close);
                    try {
                        out.add(Integer.parseInt(segment));
                    } catch (NumberFormatException e) {
                        throw new YamlEditException("invalid array index " + quote(segment) + " in " + quote(path));
                    }
                    i = close + 1;
                }
            } else {
                int j = i;
                while (j < path.length() && path.charAt(j) != '.' && path.charAt(j) != '[') {
                    j++;
                }
                out.add(path.substring(i, j));
                i = j;
            }
        }
        return new PropertyPath(out);
    }

    public boolean isEmpty() {
        return accessors.isEmpty();
    }

    public int size() {
        return accessors.size();
    }

    public PropertyPath prefix(int length) {
        return new PropertyPath(accessors.subList(0, length));
    }

    /** The path in the notation diagnostics use, e.g. {@code values.foo[0]["a.b"]}. */
    @Override
    public String toString() {
        String s = "";
        for (Object a : accessors) {
            s = a instanceof Integer n ? s + "[" + n + "]" : PathText.joinKey(s, (String) a);
        }
        return s;
    }

    private static String quote(String s) {
        return "\"" + s + "\"";
    }
}
