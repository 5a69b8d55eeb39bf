package dev.openesc.server.service;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * An {@link Instant} written exactly as {@link Instant#toString()} writes it (ISO-8601 in UTC, the fraction of a
 * second in groups of three digits as needed), without {@code DateTimeFormatter}: that class's initialisation builds
 * all of the JDK's predefined formatters, about 1.5 ms of the main thread of every local {@code esc run} and
 * {@code esc open}, whose audit entry names the open's expiry (docs/benchmarks.md, CLI start-up, round 22). Years
 * outside 0 to 9999, which the JDK writes with a sign or more digits, are left to it.
 */
final class InstantText {

    private InstantText() {}

    static String of(Instant instant) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC);
        int year = t.getYear();
        if (year < 0 || year > 9999) {
            return instant.toString();
        }
        StringBuilder text = new StringBuilder(30);
        digits(text, year, 4).append('-');
        digits(text, t.getMonthValue(), 2).append('-');
        digits(text, t.getDayOfMonth(), 2).append('T');
        digits(text, t.getHour(), 2).append(':');
        digits(text, t.getMinute(), 2).append(':');
        digits(text, t.getSecond(), 2);
        int nano = t.getNano();
        if (nano > 0) {
            text.append('.');
            if (nano % 1_000_000 == 0) {
                digits(text, nano / 1_000_000, 3);
            } else if (nano % 1_000 == 0) {
                digits(text, nano / 1_000, 6);
            } else {
                digits(text, nano, 9);
            }
        }
        return text.append('Z').toString();
    }

    /** {@code value} (not negative) in at least {@code width} digits, zeros in front. */
    private static StringBuilder digits(StringBuilder text, int value, int width) {
        String plain = Integer.toString(value);
        for (int i = plain.length(); i < width; i++) {
            text.append('0');
        }
        return text.append(plain);
    }
}
