package dev.openesc.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @Test
    void parsesTheApiForms() {
        assertThat(Durations.parse("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(Durations.parse("2h0m0s")).isEqualTo(Duration.ofHours(2));
        assertThat(Durations.parse("1.5h")).isEqualTo(Duration.ofMinutes(90));
        assertThat(Durations.parse("2h45m")).isEqualTo(Duration.ofMinutes(165));
        assertThat(Durations.parse("300ms")).isEqualTo(Duration.ofMillis(300));
        assertThat(Durations.parse("1us")).isEqualTo(Duration.ofNanos(1000));
        assertThat(Durations.parse("1\u00b5s")).isEqualTo(Duration.ofNanos(1000));
        assertThat(Durations.parse(".5s")).isEqualTo(Duration.ofMillis(500));
        assertThat(Durations.parse("0")).isEqualTo(Duration.ZERO);
        assertThat(Durations.parse("-1m")).isEqualTo(Duration.ofMinutes(-1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1", "h", "1x", "1..5h", ".h", "1h2", "one hour", "1 h", "9999999999999999h", "+"})
    void refusesOthers(String text) {
        assertThatThrownBy(() -> Durations.parse(text))
                .isInstanceOf(EscException.InvalidRequest.class)
                .hasMessageStartingWith("invalid duration");
    }

    @Test
    void formatsSoThatParsingGivesItBack() {
        assertThat(Durations.format(Duration.ofHours(2))).isEqualTo("2h0m0s");
        assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("1.5s");
        assertThat(Durations.format(Duration.ofMinutes(61))).isEqualTo("1h1m0s");
        for (Duration d : new Duration[] {Duration.ofHours(2), Duration.ofMillis(1500), Duration.ofSeconds(3725)}) {
            assertThat(Durations.parse(Durations.format(d))).isEqualTo(d);
        }
    }
}
