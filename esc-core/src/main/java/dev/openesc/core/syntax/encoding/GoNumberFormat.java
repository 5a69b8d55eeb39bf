package dev.openesc.core.syntax.encoding;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Number text as the reference prints it: integers in plain decimal, floats in the shortest form that reads back
 * to the same double, with an exponent when the decimal exponent is below -4 or at least 6
 * ({@code 1e+06}, {@code 1.5e-05}), otherwise positional ({@code 1.5}, {@code 3}, {@code 100000}).
 */
public final class GoNumberFormat {
    private GoNumberFormat() {}

    public static String formatDouble(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "+Inf" : "-Inf";
        }
        boolean negative = d < 0 || (d == 0 && 1 / d < 0);
        if (d == 0) {
            return negative ? "-0" : "0";
        }
        BigDecimal exact = new BigDecimal(Math.abs(d));
        BigDecimal shortest = null;
        for (int precision = 1; precision <= 17; precision++) {
            BigDecimal candidate = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            if (candidate.doubleValue() == Math.abs(d)) {
                shortest = candidate;
                break;
            }
        }
        if (shortest == null) {
            shortest = exact.round(MathContext.DECIMAL64);
        }
        shortest = shortest.stripTrailingZeros();
        String digits = shortest.unscaledValue().toString();
        // decimal point position relative to the digit string: value = 0.digits * 10^pointPos
        int pointPos = digits.length() - shortest.scale();
        int exp = pointPos - 1;
        StringBuilder b = new StringBuilder();
        if (negative) {
            b.append('-');
        }
        if (exp < -4 || exp >= 6) {
            b.append(digits.charAt(0));
            if (digits.length() > 1) {
                b.append('.').append(digits, 1, digits.length());
            }
            b.append('e').append(exp < 0 ? '-' : '+');
            int abs = Math.abs(exp);
            if (abs < 10) {
                b.append('0');
            }
            b.append(abs);
        } else if (pointPos <= 0) {
            b.append("0.").append("0".repeat(-pointPos)).append(digits);
        } else if (pointPos >= digits.length()) {
            b.append(digits).append("0".repeat(pointPos - digits.length()));
        } else {
            b.append(digits, 0, pointPos).append('.').append(digits, pointPos, digits.length());
        }
        return b.toString();
    }
}
