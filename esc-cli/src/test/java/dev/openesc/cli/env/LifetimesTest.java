package dev.openesc.cli.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openesc.cli.EscException;
import java.time.Duration;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class LifetimesTest {

    @Test
    void readsTheUsualForms() {
        assertThat(Lifetimes.parse("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(Lifetimes.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(Lifetimes.parse("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(Lifetimes.parse("1.5h")).isEqualTo(Duration.ofMinutes(90));
    }

    @Test
    void refusesWhatIsNotADuration() {
        for (String text : new String[] {"", "h", "2", "2x", "2h ", " 2h", "1.h", ".5h", "0s", "2h-1m"}) {
            assertThatThrownBy(() -> Lifetimes.parse(text)).as(text).isInstanceOf(EscException.class)
                    .hasMessageStartingWith("invalid lifetime \"" + text + "\"");
        }
    }

    /** The same durations and refusals as the regular expression this reader replaced, on many strings. */
    @Test
    void agreesWithTheRegularExpressionItReplaced() {
        Random random = new Random(25);
        String alphabet = "0123456789.hms x";
        for (int i = 0; i < 200_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(14);
            for (int j = 0; j < length; j++) {
                // Mostly digits, so that long numbers (past the exact whole-number path) come up too.
                text.append(random.nextInt(3) == 0 ? alphabet.charAt(10 + random.nextInt(6))
                        : alphabet.charAt(random.nextInt(11)));
            }
            String input = text.toString();
            String expected = outcome(() -> byRegularExpression(input));
            assertThat(outcome(() -> Lifetimes.parse(input))).as(input).isEqualTo(expected);
        }
    }

    private static String outcome(java.util.function.Supplier<Duration> parse) {
        try {
            return parse.get().toString();
        } catch (EscException e) {
            return "error: " + e.getMessage();
        }
    }

    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(h|m|s|ms)");

    /** The reader before: a regular expression and {@code double} numbers. */
    private static Duration byRegularExpression(String text) {
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
