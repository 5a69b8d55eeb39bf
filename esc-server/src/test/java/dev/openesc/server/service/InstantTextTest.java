package dev.openesc.server.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class InstantTextTest {

    @Test
    void writesWhatInstantToStringWrites() {
        String[] cases = {"1970-01-01T00:00:00Z", "2026-11-26T11:34:17Z", "2026-11-26T11:34:17.100Z",
            "2026-11-26T11:34:17.120Z", "2026-11-26T11:34:17.123Z", "2026-11-26T11:34:17.000100Z",
            "2026-11-26T11:34:17.123456Z", "2026-11-26T11:34:17.000000001Z", "2026-11-26T11:34:17.123456789Z",
            "0000-01-01T00:00:00Z", "0999-12-31T23:59:59.999Z", "9999-12-31T23:59:59.999999999Z",
            "1969-12-31T23:59:59.5Z", "2000-02-29T12:00:00Z"};
        for (String c : cases) {
            Instant instant = Instant.parse(c);
            assertThat(InstantText.of(instant)).as(c).isEqualTo(instant.toString());
        }
    }

    @Test
    void writesWhatInstantToStringWritesOverTheWholeRange() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 100_000; i++) {
            // Seconds from years -20000 to 20000 (the JDK's own text outside 0 to 9999); nanos whole, in
            // milliseconds, in microseconds or none, the shapes the fraction is written in.
            long seconds = random.nextLong(-693_000_000_000L, 569_000_000_000L);
            int nano = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(seconds, nano);
            assertThat(InstantText.of(instant)).isEqualTo(instant.toString());
        }
    }
}
