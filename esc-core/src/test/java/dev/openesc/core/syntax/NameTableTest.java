package dev.openesc.core.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Names found by their bytes: one string per spelling, wherever in a text the spelling stands. */
class NameTableTest {
    private static final byte[] TEXT = "a-${région}-${region}-${région}-${regio}".getBytes(StandardCharsets.UTF_8);

    @Test
    void aSpellingSeenBeforeGivesTheSameString() {
        NameTable names = new NameTable();
        int first = indexOf("région", 0);
        int second = indexOf("région", first + 1);
        String a = names.share(TEXT, first, "région".getBytes(StandardCharsets.UTF_8).length);
        String b = names.share(TEXT, second, "région".getBytes(StandardCharsets.UTF_8).length);
        assertThat(a).isEqualTo("région").isSameAs(b);
    }

    @Test
    void differentSpellingsStayApartEvenWhenOneStartsTheOther() {
        NameTable names = new NameTable();
        String region = names.share(TEXT, indexOf("region", 0), 6);
        String regio = names.share(TEXT, indexOf("regio}", 0), 5);
        assertThat(region).isEqualTo("region");
        assertThat(regio).isEqualTo("regio");
        assertThat(names.share(TEXT, indexOf("region", 0), 6)).isSameAs(region);
    }

    @Test
    void manyNamesAreAllKeptThroughTheTableGrowing() {
        NameTable names = new NameTable();
        List<String> first = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            byte[] spelling = ("name" + i).getBytes(StandardCharsets.UTF_8);
            first.add(names.share(spelling, 0, spelling.length));
        }
        for (int i = 0; i < 300; i++) {
            byte[] padded = ("xx.name" + i + "}").getBytes(StandardCharsets.UTF_8);
            String again = names.share(padded, 3, padded.length - 4);
            assertThat(again).isEqualTo("name" + i).isSameAs(first.get(i));
        }
    }

    private static int indexOf(String name, int from) {
        byte[] needle = name.getBytes(StandardCharsets.UTF_8);
        outer:
        for (int i = from; i + needle.length <= TEXT.length; i++) {
            for (int k = 0; k < needle.length; k++) {
                if (TEXT[i + k] != needle[k]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalArgumentException(name);
    }
}
