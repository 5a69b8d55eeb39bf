package dev.openesc.cli.run;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@link EscLikeMain} on a pseudo-terminal, through util-linux {@code script}, to see what a user at a
 * terminal sees: Ctrl-C reaches the child once (not once from the terminal and again from esc), and an interactive
 * run hands the terminal itself to the child.
 */
@Timeout(120)
class TerminalTest {

    @TempDir
    Path work;

    private Process onTerminal(String childScript, boolean interactive) throws Exception {
        Path child = Files.writeString(work.resolve("child.sh"), childScript);
        String java = ProcessHandle.current().info().command().orElse(
                Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String classpath = location(CommandRunner.class) + File.pathSeparator + location(EscLikeMain.class);
        Path launcher = Files.writeString(work.resolve("esc.sh"), String.join(" ",
                "exec", quote(java), "-cp", quote(classpath), EscLikeMain.class.getName(),
                quote(work.toString()), "hunter2", "sh", quote(child.toString())) + "\n");
        ProcessBuilder builder = new ProcessBuilder("script", "-qec", "sh " + quote(launcher.toString()), "/dev/null");
        builder.environment().put("MARKER", work.resolve("marker").toString());
        builder.environment().put("ESC_LIKE_INTERACTIVE", interactive ? "1" : "0");
        builder.redirectErrorStream(true);
        return builder.start();
    }

    private static String location(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    private static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }

    /** Reads the terminal's output until {@code expected} appears; returns all read so far. */
    private static String readUntil(InputStream in, ByteArrayOutputStream seen, String expected, Duration timeout)
            throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!seen.toString(UTF_8).contains(expected)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no '" + expected + "' on the terminal; saw: " + seen.toString(UTF_8));
            }
            int b = in.read();
            if (b < 0) {
                throw new AssertionError("terminal closed before '" + expected + "'; saw: " + seen.toString(UTF_8));
            }
            seen.write(b);
        }
        return seen.toString(UTF_8);
    }

    @Test
    void ctrlCReachesTheChildExactlyOnce() throws Exception {
        Process terminal = onTerminal("""
                trap 'echo INT >> "$MARKER"' INT
                echo ready
                while [ ! -s "$MARKER" ]; do sleep 0.05; done
                sleep 1
                echo "done, hunter2"
                exit 5
                """, false);
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        readUntil(terminal.getInputStream(), seen, "ready", Duration.ofSeconds(60));

        OutputStream keyboard = terminal.getOutputStream();
        keyboard.write(3); // Ctrl-C
        keyboard.flush();

        String screen = readUntil(terminal.getInputStream(), seen, "done", Duration.ofSeconds(60));
        assertThat(terminal.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(screen + new String(terminal.getInputStream().readAllBytes(), UTF_8))
                .contains("done, [secret]");
        assertThat(Files.readAllLines(work.resolve("marker"))).containsExactly("INT");
        keyboard.close();
    }

    @Test
    void anInteractiveChildGetsTheTerminalItself() throws Exception {
        String probe = """
                for fd in 0 1 2; do if [ -t $fd ]; then printf 'tty '; else printf 'pipe '; fi; done
                echo "hunter2"
                """;
        Process interactive = onTerminal(probe, true);
        String interactiveScreen = new String(interactive.getInputStream().readAllBytes(), UTF_8);
        assertThat(interactive.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(interactiveScreen).contains("tty tty tty hunter2");

        Process filtered = onTerminal(probe, false);
        String filteredScreen = new String(filtered.getInputStream().readAllBytes(), UTF_8);
        assertThat(filtered.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(filteredScreen).contains("tty pipe pipe [secret]");
    }
}
