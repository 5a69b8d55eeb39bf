package dev.openesc.core.syntax.encoding;

import java.math.BigInteger;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Resolves the type of a plain YAML scalar the way the reference's YAML library does for its core schema: only
 * {@code true/True/TRUE}, {@code false/...} are booleans ({@code yes}, {@code on} stay strings), {@code ~},
 * {@code null} and the empty scalar are null, integers accept 0x/0o/0b prefixes, legacy leading-zero octal and
 * underscores, and anything that looks like a date stays a string.
 */
final class ScalarResolver {
    private ScalarResolver() {}

    /** Resolution result: a short tag ("!!str", "!!int", "!!float", "!!bool", "!!null", "!!merge") and value. */
    record Resolved(String tag, Object value) {}

    private static final Pattern YAML_STYLE_FLOAT =
            Pattern.compile("^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$");

    private static final Map<String, Resolved> SPECIAL = Map.ofEntries(
            Map.entry("true", new Resolved("!!bool", Boolean.TRUE)),
            Map.entry("True", new Resolved("!!bool", Boolean.TRUE)),
            Map.entry("TRUE", new Resolved("!!bool", Boolean.TRUE)),
            Map.entry("false", new Resolved("!!bool", Boolean.FALSE)),
            Map.entry("False", new Resolved("!!bool", Boolean.FALSE)),
            Map.entry("FALSE", new Resolved("!!bool", Boolean.FALSE)),
            Map.entry("", new Resolved("!!null", null)),
            Map.entry("~", new Resolved("!!null", null)),
            Map.entry("null", new Resolved("!!null", null)),
            Map.entry("Null", new Resolved("!!null", null)),
            Map.entry("NULL", new Resolved("!!null", null)),
            Map.entry(".nan", new Resolved("!!float", Double.NaN)),
            Map.entry(".NaN", new Resolved("!!float", Double.NaN)),
            Map.entry(".NAN", new Resolved("!!float", Double.NaN)),
            Map.entry(".inf", new Resolved("!!float", Double.POSITIVE_INFINITY)),
            Map.entry(".Inf", new Resolved("!!float", Double.POSITIVE_INFINITY)),
            Map.entry(".INF", new Resolved("!!float", Double.POSITIVE_INFINITY)),
            Map.entry("+.inf", new Resolved("!!float", Double.POSITIVE_INFINITY)),
            Map.entry("+.Inf", new Resolved("!!float", Double.POSITIVE_INFINITY)),
            Map.entry("+.INF", new Resolved("!!float", Double.POSITIVE_INFINITY)),
            Map.entry("-.inf", new Resolved("!!float", Double.NEGATIVE_INFINITY)),
            Map.entry("-.Inf", new Resolved("!!float", Double.NEGATIVE_INFINITY)),
            Map.entry("-.INF", new Resolved("!!float", Double.NEGATIVE_INFINITY)),
            Map.entry("<<", new Resolved("!!merge", "<<")));

    private static final BigInteger INT64_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger INT64_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    /** Tags whose scalars are resolved by content; any other explicit tag leaves the text a string. */
    static boolean resolvable(String tag) {
        return switch (tag) {
            case "", "!!str", "!!bool", "!!int", "!!float", "!!null", "!!timestamp" -> true;
            default -> false;
        };
    }

    /**
     * True when a plain untagged scalar is a string by its first character alone: {@link #resolve} then gives
     * {@code ("!!str", in)} without looking further. Most scalars of a document are such strings, and each was
     * resolved twice (its tag while the tree is built, its value while it is converted), a result object each time.
     */
    static boolean plainString(String in) {
        return !in.isEmpty() && hint(in.charAt(0)) == 0;
    }

    /**
     * Resolves {@code in} under {@code tag} ("" for a plain untagged scalar). Integers come back as BigInteger,
     * floats as Double, booleans as Boolean, null as null, everything else as the String itself.
     */
    static Resolved resolve(String tag, String in) {
        if (!resolvable(tag)) {
            return new Resolved(tag, in);
        }
        char hint = in.isEmpty() ? 'N' : hint(in.charAt(0));
        if (hint != 0 && !tag.equals("!!str")) {
            Resolved special = SPECIAL.get(in);
            if (special != null) {
                return special;
            }
            switch (hint) {
                case '.' -> {
                    Double f = parseGoFloat(in);
                    if (f != null) {
                        return new Resolved("!!float", f);
                    }
                }
                case 'D', 'S' -> {
                    if ((tag.isEmpty() || tag.equals("!!timestamp")) && looksLikeTimestamp(in)) {
                        return new Resolved("!!timestamp", in);
                    }
                    String plain = in.replace("_", "");
                    BigInteger i = parseGoInt(plain, true);
                    if (i != null && i.compareTo(INT64_MIN) >= 0 && i.compareTo(INT64_MAX) <= 0) {
                        return new Resolved("!!int", i);
                    }
                    BigInteger u = parseGoInt(plain, false);
                    if (u != null && u.signum() >= 0 && u.compareTo(UINT64_MAX) <= 0) {
                        return new Resolved("!!int", u);
                    }
                    if (YAML_STYLE_FLOAT.matcher(plain).matches()) {
                        Double f = parseGoFloat(plain);
                        if (f != null) {
                            return new Resolved("!!float", f);
                        }
                    }
                }
                default -> {
                    // 'M' (map lookups) and 'N' were handled above.
                }
            }
        }
        return new Resolved("!!str", in);
    }

    private static char hint(char c) {
        if (c == '+' || c == '-') {
            return 'S';
        }
        if (c >= '0' && c <= '9') {
            return 'D';
        }
        if (c == '.') {
            return '.';
        }
        return switch (c) {
            case 'y', 'Y', 'n', 'N', 't', 'T', 'f', 'F', 'o', 'O', '~', '<' -> 'M';
            default -> 0;
        };
    }

    /** Integer syntax with base prefixes (sign allowed only for the signed form), or null. */
    private static BigInteger parseGoInt(String s, boolean signed) {
        if (s.isEmpty()) {
            return null;
        }
        boolean negative = false;
        int i = 0;
        if (s.charAt(0) == '+' || s.charAt(0) == '-') {
            if (!signed) {
                return null;
            }
            negative = s.charAt(0) == '-';
            i = 1;
        }
        String body = s.substring(i);
        int radix = 10;
        if (body.length() >= 2 && body.charAt(0) == '0') {
            char p = Character.toLowerCase(body.charAt(1));
            if (p == 'x') {
                radix = 16;
                body = body.substring(2);
            } else if (p == 'o') {
                radix = 8;
                body = body.substring(2);
            } else if (p == 'b') {
                radix = 2;
                body = body.substring(2);
            } else {
                radix = 8;
                body = body.substring(1);
            }
        }
        if (body.isEmpty()) {
            return null;
        }
        for (int k = 0; k < body.length(); k++) {
            if (Character.digit(body.charAt(k), radix) < 0) {
                return null;
            }
        }
        BigInteger v = new BigInteger(body, radix);
        return negative ? v.negate() : v;
    }

    /** A finite decimal float the way a strict float parser reads it, or null (syntax error or overflow). */
    static Double parseGoFloat(String s) {
        if (!YAML_STYLE_FLOAT.matcher(s).matches()) {
            return null;
        }
        double d;
        try {
            d = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return null;
        }
        return Double.isInfinite(d) ? null : d;
    }

    private static final Pattern TIMESTAMP = Pattern.compile(
            "^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}"
                    + "(([Tt]|[ \\t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(\\.[0-9]*)?([ \\t]*(Z|[-+][0-9]{1,2}(:[0-9]{2})?))?)?$");

    private static boolean looksLikeTimestamp(String s) {
        return s.length() >= 8 && TIMESTAMP.matcher(s).matches();
    }
}
