package dev.openesc.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class RequestLogTest {

    @Test
    void durationsAreWrittenWithOneDecimalAsPercentPointOneFWritesThem() {
        for (float millis : new float[] {0f, 0.04f, 0.96f, 1f, 9.95f, 12.34f, 99.99f, 1234.56f, 60_000.5f}) {
            assertThat(RequestLog.tenths(millis)).as("%s ms", millis)
                    .isEqualTo(String.format(Locale.ROOT, "%.1f", millis));
        }
    }

    @Test
    void pathsAreLoggedAsTheyAreUnlessTheyHoldControlCharactersOrRunLong() {
        String plain = "/api/esc/environments/acme/payments/dev";
        assertThat(RequestLog.printable(plain)).isSameAs(plain);
        assertThat(RequestLog.printable("/api/a b\nc")).isEqualTo("/api/a\\x20b\\x0ac");
        String longPath = "/" + "x".repeat(400);
        assertThat(RequestLog.printable(longPath)).hasSize(303).endsWith("x...");
        assertThat(RequestLog.printable(null)).isEmpty();
    }
}
