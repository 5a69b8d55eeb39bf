package dev.openesc.core.syntax.encoding;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The shortcut for plain strings gives what full resolution gives, and is never taken for another type. */
class ScalarResolverTest {
    private static final String[] SCALARS = {
        "item-7-${link8}", "value", "yes", "on", "no", "off", "y", "~", "null", "Null", "NULL", "true", "False",
        ".5", ".inf", "-.INF", ".nan", "+1", "-1", "0", "007", "0x1F", "0o17", "0b101", "1_000", "1e3", "3.0",
        "1.50", "2001-12-14", "2001-12-14t21:59:43.10-05:00", "<<", "_x", "@at", "Ünïcode", "日本", " lead", "",
    };

    @Test
    void aPlainStringByItsFirstCharacterResolvesToItself() {
        int shortcuts = 0;
        for (String s : SCALARS) {
            if (ScalarResolver.plainString(s)) {
                shortcuts++;
                assertThat(ScalarResolver.resolve("", s)).as(s).isEqualTo(new ScalarResolver.Resolved("!!str", s));
            }
        }
        assertThat(shortcuts).isGreaterThanOrEqualTo(6);
    }

    @Test
    void noOtherTypeStartsLikeAPlainString() {
        for (String s : SCALARS) {
            if (!ScalarResolver.resolve("", s).tag().equals("!!str")) {
                assertThat(ScalarResolver.plainString(s)).as(s).isFalse();
            }
        }
        assertThat(ScalarResolver.plainString("yes")).as("yes: a string, but one looked up first").isFalse();
        assertThat(ScalarResolver.plainString("item")).isTrue();
    }
}
