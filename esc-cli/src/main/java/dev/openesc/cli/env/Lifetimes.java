package dev.openesc.cli.env;

import dev.openesc.cli.EscException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as the reference's flags take them: {@code 2h}, {@code 1h30m}, {@code 15m}, {@code 90s}. */
final class Lifetimes {
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(h|m|s|ms)");

    private Lifetimes() {}

    static Duration parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new EscException("invalid lifetime \"\"");
        }
        Matcher m = PART.matcher(text);
        long millis = 0;
        int at = 0;
        while (m.find() && m.start() == at) {
            double n = Double.parseDouble(m.group(1));
            millis += (long) (n * switch (m.group(2)) {
                case "h" -> 3_600_000;
                case "m" -> 60_000;
                case "s" -> 1000;
                default -> 1;
            });
            at = m.end();
        }
        if (at != text.length() || millis <= 0) {
            throw new EscException("invalid lifetime \"" + text + "\": use a duration such as 2h, 1h30m or 15m");
        }
        return Duration.ofMillis(millis);
    }
}
