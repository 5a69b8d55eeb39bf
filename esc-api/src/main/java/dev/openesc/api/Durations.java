package dev.openesc.api;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

/**
 * Durations as the API writes them ({@code ?duration=2h0m0s}): a sequence of decimal numbers, each with
 * an optional fraction and a unit ({@code ns}, {@code us}/{@code µs}, {@code ms}, {@code s}, {@code m},
 * {@code h}), like {@code 300ms}, {@code 1.5h} or {@code 2h45m}. A bare {@code 0} is zero.
 */
public final class Durations {

    private static final Map<String, Long> NANOS_PER_UNIT = Map.of(
            "ns", 1L,
            "us", 1_000L,
            "\u00b5s", 1_000L,
            "\u03bcs", 1_000L,
            "ms", 1_000_000L,
            "s", 1_000_000_000L,
            "m", 60_000_000_000L,
            "h", 3_600_000_000_000L);

    private static final int MAX_TEXT = 64;

    private Durations() {
    }

    /**
     * @throws EscException.InvalidRequest if the text is not a duration (the message quotes it)
     */
    public static Duration parse(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_TEXT) {
            throw invalid(text);
        }
        int i = 0;
        boolean negative = false;
        if (text.charAt(0) == '+' || text.charAt(0) == '-') {
            negative = text.charAt(0) == '-';
            i++;
        }
        if (text.substring(i).equals("0")) {
            return Duration.ZERO;
        }
        if (i == text.length()) {
            throw invalid(text);
        }
        BigDecimal nanos = BigDecimal.ZERO;
        while (i < text.length()) {
            int start = i;
            while (i < text.length() && (Character.isDigit(text.charAt(i)) && text.charAt(i) < 128
                    || text.charAt(i) == '.')) {
                i++;
            }
            String number = text.substring(start, i);
            if (number.isEmpty() || number.equals(".") || number.indexOf('.') != number.lastIndexOf('.')) {
                throw invalid(text);
            }
            int unitStart = i;
            while (i < text.length() && !Character.isDigit(text.charAt(i)) && text.charAt(i) != '.') {
                i++;
            }
            Long unit = NANOS_PER_UNIT.get(text.substring(unitStart, i));
            if (unit == null) {
                throw invalid(text);
            }
            nanos = nanos.add(new BigDecimal(number.startsWith(".") ? "0" + number : number)
                    .multiply(BigDecimal.valueOf(unit)));
        }
        if (nanos.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw invalid(text);
        }
        Duration parsed = Duration.ofNanos(nanos.longValue());
        return negative ? parsed.negated() : parsed;
    }

    /** Writes a duration the way the API reads it back, e.g. {@code 2h0m0s} or {@code 1.5s}. */
    public static String format(Duration duration) {
        if (duration.isZero()) {
            return "0s";
        }
        StringBuilder out = new StringBuilder(duration.isNegative() ? "-" : "");
        Duration d = duration.abs();
        long hours = d.toHours();
        long minutes = d.toMinutesPart();
        BigDecimal seconds = BigDecimal.valueOf(d.toSecondsPart()).add(BigDecimal.valueOf(d.toNanosPart(), 9))
                .stripTrailingZeros();
        if (hours > 0) {
            out.append(hours).append('h');
        }
        if (hours > 0 || minutes > 0) {
            out.append(minutes).append('m');
        }
        return out.append(seconds.toPlainString()).append('s').toString();
    }

    private static EscException.InvalidRequest invalid(String text) {
        return new EscException.InvalidRequest("invalid duration " + Names.shown(text)
                + ": expected a duration such as 1h, 30m or 2h0m0s");
    }
}
