package dev.openesc.providers.aws;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

/**
 * Reads a duration as environments write it, in Go's notation ({@code 1h}, {@code 90m}, {@code 1h30m},
 * {@code 1.5h}): the reference documents {@code duration} that way, so definitions written for it read the same.
 */
final class SessionDuration {

    private static final Map<String, Duration> UNITS = Map.of(
            "ns", Duration.ofNanos(1), "us", Duration.ofNanos(1_000), "µs", Duration.ofNanos(1_000),
            "ms", Duration.ofMillis(1), "s", Duration.ofSeconds(1), "m", Duration.ofMinutes(1),
            "h", Duration.ofHours(1));

    private SessionDuration() {
    }

    /** The duration {@code text} denotes; IllegalArgumentException (saying what is accepted) otherwise. */
    static Duration parse(String text) {
        if (text == null || text.isEmpty()) {
            throw invalid(text);
        }
        Duration total = Duration.ZERO;
        int i = 0;
        while (i < text.length()) {
            int start = i;
            while (i < text.length() && (Character.isDigit(text.charAt(i)) || text.charAt(i) == '.')) {
                i++;
            }
            if (start == i) {
                throw invalid(text);
            }
            String number = text.substring(start, i);
            int unitStart = i;
            while (i < text.length() && !Character.isDigit(text.charAt(i)) && text.charAt(i) != '.') {
                i++;
            }
            Duration unit = UNITS.get(text.substring(unitStart, i));
            if (unit == null || number.equals(".")) {
                throw invalid(text);
            }
            BigDecimal nanos;
            try {
                nanos = new BigDecimal(number).multiply(BigDecimal.valueOf(unit.toNanos()));
            } catch (NumberFormatException e) {
                throw invalid(text);
            }
            total = total.plusNanos(nanos.longValue());
        }
        return total;
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("invalid duration \"" + text + "\": expected a number and a unit such as"
                + " 1h, 45m, 1h30m or 3600s");
    }
}
