package dev.openesc.cli.env;

import dev.openesc.core.syntax.encoding.YamlNode;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Whether a plaintext value set under a key like {@code password} looks like a secret: its first 16 characters
 * carry at least 80 bits by a character-class estimate (or 40 bits at 3 bits per character or more). The reference
 * uses zxcvbn, which also knows dictionary words; this simpler estimate flags random-looking tokens the same way and
 * lets short or word-like values pass.
 */
final class SecretHeuristic {
    private static final Pattern KEY = Pattern.compile("(?i)passwd|pass|password|pwd|secret|token");
    private static final int MAX_LENGTH = 16;
    private static final double THRESHOLD = 80.0;
    private static final double PER_CHAR = 3.0;

    private SecretHeuristic() {}

    static boolean looksLikeSecret(List<Object> path, YamlNode value) {
        if (value.kind != YamlNode.Kind.SCALAR || !"!!str".equals(value.tag)) {
            return false;
        }
        if (!(path.get(path.size() - 1) instanceof String key) || !KEY.matcher(key).find()) {
            return false;
        }
        if (value.value.contains("${")) {
            // An interpolation refers to a value defined elsewhere: it is not itself a secret.
            return false;
        }
        String v = value.value.length() > MAX_LENGTH ? value.value.substring(0, MAX_LENGTH) : value.value;
        if (v.isEmpty()) {
            return false;
        }
        double entropy = entropy(v);
        return entropy >= THRESHOLD || (entropy >= THRESHOLD / 2 && entropy / v.length() >= PER_CHAR);
    }

    /** Bits of a random string drawn from the character classes the value uses. */
    static double entropy(String v) {
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean other = false;
        for (char c : v.toCharArray()) {
            if (c >= 'a' && c <= 'z') {
                lower = true;
            } else if (c >= 'A' && c <= 'Z') {
                upper = true;
            } else if (c >= '0' && c <= '9') {
                digit = true;
            } else {
                other = true;
            }
        }
        int pool = (lower ? 26 : 0) + (upper ? 26 : 0) + (digit ? 10 : 0) + (other ? 33 : 0);
        long distinct = v.chars().distinct().count();
        // Repeated characters carry little: count only as many characters as are distinct, at least half.
        double effective = Math.max(distinct, v.length() / 2.0);
        return effective * (Math.log(pool) / Math.log(2));
    }
}
