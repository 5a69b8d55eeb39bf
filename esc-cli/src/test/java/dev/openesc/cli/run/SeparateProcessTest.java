package dev.openesc.cli.run;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Runs {@link EscLikeMain} as its own JVM, the way a user runs esc, and signals it from outside. */
@Timeout(120)
class SeparateProcessTest {

    @TempDir
    Path temporaryParent;

    @TempDir
    Path work;

    /** Every esc this test started: killed with its children afterwards, so that a failed test leaves no process. */
    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void killWhatIsLeft() {
        for (Process esc : started) {
            esc.descendants().forEach(ProcessHandle::destroyForcibly);
            esc.destroyForcibly();
        }
    }

    /**
     * The child traps the signal, leaves a marker and says goodbye; it prints where its file is, then "ready", then
     * waits. The trap exits with the shell's usual status for that signal.
     */
    private static final String TRAPPING_CHILD = """
            trap 'echo TERM > "$MARKER"; echo "bye, hunter2"; exit 143' TERM
            trap 'echo INT > "$MARKER"; echo "bye, hunter2"; exit 130' INT
            trap 'echo HUP > "$MARKER"; echo "bye, hunter2"; exit 129' HUP
            echo "$ESC_FILE"
            cat "$ESC_FILE"
            echo ready
            while :; do sleep 0.05; done
            """;

    private Process startEsc(List<String> command, Path marker) throws IOException, URISyntaxException {
        List<String> argv = new ArrayList<>();
        // The forwarded signals at their default disposition, whatever this test run inherited: a run started under
        // nohup (or as a background job of a non-interactive shell) ignores SIGHUP (or SIGINT), and esc rightly
        // keeps ignoring a signal it was started with ignored, so the test would only see that (GNU env, Debian's).
        argv.addAll(List.of("/usr/bin/env", "--default-signal=TERM,INT,HUP"));
        argv.add(ProcessHandle.current().info().command().orElse(
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        argv.add("-Xshare:auto");
        argv.add("-cp");
        argv.add(location(CommandRunner.class) + java.io.File.pathSeparator + location(EscLikeMain.class));
        argv.add(EscLikeMain.class.getName());
        argv.add(temporaryParent.toString());
        argv.add("hunter2");
        argv.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(argv);
        builder.environment().put("MARKER", marker.toString());
        Process esc = builder.start();
        started.add(esc);
        return esc;
    }

    private static String location(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    @ParameterizedTest
    @CsvSource({"TERM, 143", "INT, 130", "HUP, 129"})
    void aSignalToEscReachesTheChildAndTheFilesAreRemoved(String signal, int status) throws Exception {
        Path marker = work.resolve("marker");
        Process esc = startEsc(List.of("sh", "-c", TRAPPING_CHILD), marker);
        BufferedReader out = new BufferedReader(new InputStreamReader(esc.getInputStream(), UTF_8));
        Path file = Path.of(out.readLine());
        assertThat(out.readLine()).isEqualTo("file content with [secret]");
        assertThat(out.readLine()).isEqualTo("ready");
        assertThat(file).exists();

        kill(signal, esc.pid());

        assertThat(esc.waitFor(30, TimeUnit.SECONDS)).as("esc ended").isTrue();
        assertThat(esc.exitValue()).isEqualTo(status);
        assertThat(out.readLine()).as("what the child wrote while stopping").isEqualTo("bye, [secret]");
        assertThat(out.readLine()).isNull();
        assertThat(Files.readString(marker).strip()).isEqualTo(signal);
        assertThat(file).doesNotExist();
        assertThat(file.getParent()).doesNotExist();
        assertThat(new String(esc.getErrorStream().readAllBytes(), UTF_8)).isEmpty();
    }

    @Test
    void aChildThatIgnoresTheSignalKeepsEscWaiting() throws Exception {
        Path marker = work.resolve("marker");
        String child = """
                trap 'echo TERM > "$MARKER"' TERM
                echo "$ESC_FILE"
                echo ready
                while [ ! -s "$MARKER" ]; do sleep 0.05; done
                sleep 0.3
                echo done
                exit 7
                """;
        Process esc = startEsc(List.of("sh", "-c", child), marker);
        BufferedReader out = new BufferedReader(new InputStreamReader(esc.getInputStream(), UTF_8));
        Path file = Path.of(out.readLine());
        assertThat(out.readLine()).isEqualTo("ready");

        kill("TERM", esc.pid()); // not Process.destroy(): that also closes our ends of its pipes
        assertThat(out.readLine()).isEqualTo("done");
        assertThat(esc.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(esc.exitValue()).isEqualTo(7);
        assertThat(file).doesNotExist();
    }

    @Test
    void theChildReadsEscsOwnStdinAndPromptsAppearAtOnce() throws Exception {
        Process esc = startEsc(List.of("sh", "-c", "printf 'Password: '; read answer; echo \"thanks, $answer\""),
                work.resolve("unused"));
        InputStream out = esc.getInputStream();
        byte[] prompt = out.readNBytes("Password: ".length());
        assertThat(new String(prompt, UTF_8)).isEqualTo("Password: ");
        assertThat(esc.isAlive()).isTrue();

        OutputStream in = esc.getOutputStream();
        in.write("hunter2 and more\n".getBytes(UTF_8));
        in.close();
        assertThat(new String(out.readAllBytes(), UTF_8)).isEqualTo("thanks, [secret] and more\n");
        assertThat(esc.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(esc.exitValue()).isZero();
    }

    @Test
    void anUnknownCommandEnds127() throws Exception {
        Process esc = startEsc(List.of("no-such-command-for-esc"), work.resolve("unused"));
        assertThat(esc.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(esc.exitValue()).isEqualTo(127);
        assertThat(new String(esc.getErrorStream().readAllBytes(), UTF_8))
                .isEqualTo("esc: command not found: no-such-command-for-esc\n");
        try (var left = Files.list(temporaryParent)) {
            assertThat(left).isEmpty();
        }
    }

    private static void kill(String signal, long pid) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-s", signal, Long.toString(pid)).inheritIO().start();
        assertThat(kill.waitFor()).isZero();
    }
}
