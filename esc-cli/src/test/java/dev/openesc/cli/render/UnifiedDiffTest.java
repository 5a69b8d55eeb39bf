package dev.openesc.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnifiedDiffTest {
    @Test
    void equalTextsHaveNoDiff() {
        assertThat(UnifiedDiff.diff("a", "x\ny\n", "b", "x\ny\n")).isEmpty();
    }

    @Test
    void changeWithContextAndDeletionsFirst() {
        String before = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";
        String after = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n";
        assertThat(UnifiedDiff.diff("old", before, "new", after)).isEqualTo("""
                --- old
                +++ new
                @@ -2,7 +2,7 @@
                 2
                 3
                 4
                -5
                +five
                 6
                 7
                 8
                """);
    }

    @Test
    void distantChangesMakeTwoHunks() {
        StringBuilder a = new StringBuilder();
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= 20; i++) {
            a.append(i).append('\n');
            b.append(i == 2 || i == 18 ? "x" + i : String.valueOf(i)).append('\n');
        }
        String diff = UnifiedDiff.diff("a", a.toString(), "b", b.toString());
        assertThat(diff).contains("@@ -1,5 +1,5 @@\n").contains("@@ -15,6 +15,6 @@\n");
    }

    @Test
    void fromEmptyAndWithoutFinalNewline() {
        assertThat(UnifiedDiff.diff("a", "", "b", "{\n}")).isEqualTo("""
                --- a
                +++ b
                @@ -1 +1,2 @@
                +{
                +}
                \\ No newline at end of file
                """);
    }
}
