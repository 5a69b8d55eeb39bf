package dev.openesc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openesc.cli.backend.Backends;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code esc version}, {@code esc --version} and {@code esc -V} alone are answered without picocli's model: they
 * print exactly what picocli's command and version option print, and end the same way.
 */
class VersionWordsTest {
    @TempDir
    Path home;

    @Test
    void theVersionWordsPrintWhatPicocliPrints() {
        for (String word : List.of("version", "--version", "-V")) {
            ByteArrayOutputStream direct = new ByteArrayOutputStream();
            int directStatus = Esc.execute(workspace(direct), word);
            ByteArrayOutputStream picocli = new ByteArrayOutputStream();
            int picocliStatus = Esc.commandLine(workspace(picocli)).execute(word);
            assertThat(direct.toString(StandardCharsets.UTF_8)).as("esc %s", word)
                    .isEqualTo(picocli.toString(StandardCharsets.UTF_8)).startsWith("v").endsWith("\n");
            assertThat(directStatus).as("esc %s", word).isEqualTo(picocliStatus).isZero();
        }
    }

    private Workspace workspace(ByteArrayOutputStream out) {
        PrintStream stream = new PrintStream(out, true, StandardCharsets.UTF_8);
        return new Workspace(new ByteArrayInputStream(new byte[0]), stream, stream,
                Map.of("ESC_HOME", home.toString(), "ESC_LOCAL_USER", "tester"), home, Backends.OPEN);
    }
}
