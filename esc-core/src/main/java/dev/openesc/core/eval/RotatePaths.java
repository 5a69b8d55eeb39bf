package dev.openesc.core.eval;

import dev.openesc.core.syntax.encoding.PathText;

/**
 * Converts a property path given by a caller ({@code a.b[0]["c d"]}) to the document path form the parser gives
 * expressions ({@code values.a.b[0]["c d"]}), so that the two compare equal whatever quoting the caller used.
 */
final class RotatePaths {
    private RotatePaths() {}

    static String toDocPath(String path) {
        String out = "values";
        int i = 0;
        int n = path.length();
        while (i < n) {
            char c = path.charAt(i);
            if (c == '.') {
                i++;
            } else if (c == '[') {
                if (i + 1 < n && path.charAt(i + 1) == '"') {
                    StringBuilder key = new StringBuilder();
                    int j = i + 2;
                    while (j < n && path.charAt(j) != '"') {
                        if (path.charAt(j) == '\\' && j + 1 < n) {
                            j++;
                        }
                        key.append(path.charAt(j));
                        j++;
                    }
                    out = PathText.joinKey(out, key.toString());
                    i = Math.min(n, j + 2);
                } else {
                    int end = path.indexOf(']', i);
                    if (end < 0) {
                        return "values." + path;
                    }
                    String index = path.substring(i + 1, end);
                    try {
                        out = PathText.joinIndex(out, Integer.parseInt(index.trim()));
                    } catch (NumberFormatException ex) {
                        out = PathText.joinKey(out, index);
                    }
                    i = end + 1;
                }
            } else {
                int j = i;
                while (j < n && path.charAt(j) != '.' && path.charAt(j) != '[') {
                    j++;
                }
                out = PathText.joinKey(out, path.substring(i, j));
                i = j;
            }
        }
        return out;
    }
}
