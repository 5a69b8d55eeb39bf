package dev.openesc.core.syntax.encoding;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PathTextTest {
    @Test
    void plainKeysJoinWithDots() {
        assertThat(PathText.joinKey("", "a")).isEqualTo("a");
        assertThat(PathText.joinKey("a", "b_1")).isEqualTo("a.b_1");
        assertThat(PathText.joinKey("a", "")).isEqualTo("a");
    }

    @Test
    void otherKeysAreBracketedAndEscaped() {
        assertThat(PathText.joinKey("a", "0x")).isEqualTo("a[\"0x\"]");
        assertThat(PathText.joinKey("a", "with-hyphen")).isEqualTo("a[\"with-hyphen\"]");
        assertThat(PathText.joinKey("a", "q\"k")).isEqualTo("a[\"q\\\"k\"]");
    }

    @Test
    void indexesAreBracketed() {
        assertThat(PathText.joinIndex("a", 3)).isEqualTo("a[3]");
    }
}
