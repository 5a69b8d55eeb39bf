package dev.openesc.core.syntax.encoding;

import java.util.Locale;
import java.util.regex.Pattern;

/** Whether text parses as a 32-bit float under the reference's number syntax (decimal, hex, inf, nan). */
final class GoFloat {
    private GoFloat() {}

    private static final Pattern DECIMAL = Pattern.compile("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?");
    private static final Pattern HEX =
            Pattern.compile("[+-]?0[xX](_?[0-9a-fA-F])*\\.?[0-9a-fA-F_]*[pP][+-]?[0-9]+");

    static boolean parsesAsFloat32(String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        String unsigned = lower.startsWith("+") || lower.startsWith("-") ? lower.substring(1) : lower;
        if (unsigned.equals("inf") || unsigned.equals("infinity")) {
            return true;
        }
        if (lower.equals("nan")) {
            return true;
        }
        if (DECIMAL.matcher(s).matches()) {
            double d = Double.parseDouble(s);
            return !Float.isInfinite((float) d);
        }
        if (HEX.matcher(s).matches()) {
            try {
                double d = Double.parseDouble(s.replace("_", ""));
                return !Float.isInfinite((float) d);
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return false;
    }
}
