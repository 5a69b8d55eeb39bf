package dev.openesc.core.schema;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A JSON number kept as its text, like Go's {@code json.Number}. Schemas carry numbers this way so that they are
 * written back exactly as they were given ({@code 3.14} stays {@code 3.14}, {@code 42} stays {@code 42}) and so that
 * validation messages quote them verbatim. Equality is textual, as in the reference, where a constant {@code 1.0}
 * does not equal a value {@code 1}.
 */
public record JsonNumber(String text) {
    private static final Pattern GRAMMAR = Pattern.compile("-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?");

    public JsonNumber {
        Objects.requireNonNull(text, "text");
        if (!isPlainInteger(text) && !GRAMMAR.matcher(text).matches()) {
            throw new IllegalArgumentException("invalid JSON number " + text);
        }
    }

    /** A number from its JSON text, kept verbatim. */
    /** The common case, checked without the regular expression: an integer without a leading zero. */
    private static boolean isPlainInteger(String text) {
        int start = text.startsWith("-") ? 1 : 0;
        if (text.length() == start || (text.charAt(start) == '0' && text.length() > start + 1)) {
            return false;
        }
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    public static JsonNumber of(String text) {
        return new JsonNumber(text);
    }

    public static JsonNumber of(long value) {
        return new JsonNumber(Long.toString(value));
    }

    public static JsonNumber of(BigInteger value) {
        return new JsonNumber(value.toString());
    }

    /** A number from a decimal, written without trailing zeros and without exponent for moderate magnitudes. */
    public static JsonNumber of(BigDecimal value) {
        BigDecimal stripped = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
        String text = Math.abs(stripped.scale()) <= 40 ? stripped.toPlainString() : stripped.toString();
        return new JsonNumber(text.replace("E+", "e+").replace("E-", "e-"));
    }

    /** Converts a Java number (integral, BigDecimal, or floating point) to its JSON text. */
    public static JsonNumber of(Number value) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return of(value.longValue());
        }
        if (value instanceof BigInteger big) {
            return of(big);
        }
        if (value instanceof BigDecimal dec) {
            return of(dec);
        }
        double d = value.doubleValue();
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new IllegalArgumentException("not a JSON number: " + value);
        }
        return of(new BigDecimal(Double.toString(d)));
    }

    /** True if the text has neither a fraction nor an exponent. */
    public boolean isIntegerText() {
        return text.indexOf('.') < 0 && text.indexOf('e') < 0 && text.indexOf('E') < 0;
    }

    /** The exact decimal value. */
    public BigDecimal toBigDecimal() {
        return new BigDecimal(text);
    }

    @Override
    public String toString() {
        return text;
    }
}
