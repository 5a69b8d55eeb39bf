package dev.openesc.core.syntax.encoding;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PositionIndexTest {
    @Test
    void utf8LengthCountsWhatTheEncoderWrites() {
        // ASCII, two-byte, three-byte, a surrogate pair (four bytes), and lone surrogates (replaced by one byte)
        List<String> samples = List.of("", "plain", "é", "naïve-ß", "€ and ✓", "a😀b", "\ud800", "x\udc00y",
                "\ud83d", "😀\ud800😀");
        for (String s : samples) {
            assertThat(PositionIndex.utf8Length(s)).as(s).isEqualTo(s.getBytes(StandardCharsets.UTF_8).length);
        }
    }
}
