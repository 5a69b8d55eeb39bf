package dev.openesc.core.syntax.encoding;

/** Document paths in the reference's notation: {@code values.foo[0]["a.b"]}. */
public final class PathText {
    private PathText() {}

    /** Appends an object key to a path, bracketing and escaping keys that are not plain identifiers. */
    public static String joinKey(String root, String key) {
        if (key.isEmpty()) {
            return root;
        }
        if (!mustEscape(key)) {
            return root.isEmpty() ? key : root + "." + key;
        }
        StringBuilder b = new StringBuilder(root).append("[\"");
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c == '"') {
                b.append('\\');
            }
            b.append(c);
        }
        return b.append("\"]").toString();
    }

    /** Appends an array index to a path. */
    public static String joinIndex(String root, int index) {
        return root + "[" + index + "]";
    }

    /** A key needs brackets unless it is letters, digits and underscores and does not start with a digit. */
    public static boolean mustEscape(String key) {
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            boolean letter = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
            boolean digit = c >= '0' && c <= '9';
            if (!letter && !(digit && i > 0)) {
                return true;
            }
        }
        return false;
    }
}
