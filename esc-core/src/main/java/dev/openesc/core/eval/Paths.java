package dev.openesc.core.eval;

/** Document paths as the reference writes them: {@code a.b}, {@code a["odd key"]}, {@code a[0]}. */
final class Paths {
    private Paths() {}

    static String joinKey(String root, String key) {
        if (key.isEmpty()) {
            return root;
        }
        if (!mustEscape(key)) {
            return root.isEmpty() ? key : root + "." + key;
        }
        StringBuilder b = new StringBuilder(root.length() + key.length() + 4);
        b.append(root).append("[\"");
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c == '"') {
                b.append('\\');
            }
            b.append(c);
        }
        return b.append("\"]").toString();
    }

    static String joinIndex(String root, int index) {
        return root + "[" + index + "]";
    }

    static boolean mustEscape(String key) {
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
            boolean digit = c >= '0' && c <= '9';
            if (letter || (digit && i > 0)) {
                continue;
            }
            return true;
        }
        return false;
    }
}
