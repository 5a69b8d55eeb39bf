package dev.openesc.cli.env;

import dev.openesc.cli.EscException;
import java.time.Duration;

/**
 * Durations as the reference's flags take them: {@code 2h}, {@code 1h30m}, {@code 15m}, {@code 90s}: numbers (a
 * fraction allowed) each followed by {@code h}, {@code m} or {@code s}.
 *
 * <p>Read by a loop, not a regular expression, and whole numbers without {@code double}: {@code esc run} and
 * {@code open} read their lifetime at every start, on the main thread, before the open (docs/decisions.md 25).
 */
final class Lifetimes {
    /** Whole numbers up to this many digits are exact in a {@code long} and a {@code double} alike. */
    private static final int EXACT_DIGITS = 9;

    private Lifetimes() {}

    static Duration parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new EscException("invalid lifetime \"\"");
        }
        long millis = 0;
        int at = 0;
        while (at < text.length()) {
            int start = at;
            at = digitsFrom(text, at);
            if (at == start) {
                throw invalid(text);
            }
            boolean fraction = false;
            if (at < text.length() && text.charAt(at) == '.' && digitsFrom(text, at + 1) > at + 1) {
                fraction = true;
                at = digitsFrom(text, at + 1);
            }
            if (at == text.length()) {
                throw invalid(text);
            }
            long unit = switch (text.charAt(at)) {
                case 'h' -> 3_600_000;
                case 'm' -> 60_000;
                case 's' -> 1000;
                default -> throw invalid(text);
            };
            String number = text.substring(start, at);
            at++;
            millis += fraction || number.length() > EXACT_DIGITS
                    ? (long) (Double.parseDouble(number) * unit)
                    : Long.parseLong(number) * unit;
        }
        if (millis <= 0) {
            throw invalid(text);
        }
        return Duration.ofMillis(millis);
    }

    /** The index after the ASCII digits that start at {@code from}. */
    private static int digitsFrom(String text, int from) {
        int at = from;
        while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
            at++;
        }
        return at;
    }

    private static EscException invalid(String text) {
        return new EscException("invalid lifetime \"" + text + "\": use a duration such as 2h, 1h30m or 15m");
    }
}
