package dev.openesc.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The look-ups that searched the whole class path (and so opened the distribution's lib/esc.jar, docs/decisions.md
 * 22) from commands that build picocli's model: picocli's default factory asking for Groovy's {@code Closure}, which
 * {@link Main} turns off, and, for {@code env ls} and {@code env version history}, Tink's set-up on the warm-up
 * thread, whose protocol buffers start {@code java.util.logging} (it searches the class path for a logging
 * back-end). Each command runs in a JVM of its own through {@link Main}, with the class path's debug output (each
 * resource it looks for) and the classes loaded logged. The distribution's own check, {@code opens-no-big-jar.sh},
 * runs the built {@code bin/esc}.
 */
@Timeout(120)
class ListingLooksUpNothingTest {

    private static final String GROOVY = "groovy/lang/Closure.class";
    private static final String TINK_SET_UP = "com.google.crypto.tink.aead.AesGcmKeyManager";
    private static final String JUL = "java.util.logging.LogManager";

    @TempDir
    Path work;

    private record Run(String stderr, List<String> loaded) {}

    @Test
    void listingsSkipGroovyAndTink() throws Exception {
        new EscHarness(home()).ok("env", "init", "default/app");

        for (String[] command : List.of(new String[] {"env", "ls"},
                new String[] {"env", "version", "history", "default/app"}, new String[] {"whoami"})) {
            Run run = run(command);
            assertThat(run.stderr()).as(String.join(" ", command)).contains("URLClassPath.getResource(")
                    .doesNotContain(GROOVY);
            assertThat(run.loaded()).as(String.join(" ", command)).contains("picocli.CommandLine")
                    .doesNotContain(TINK_SET_UP, JUL);
        }
    }

    @Test
    void aSecretStillSetsUpTink() throws Exception {
        new EscHarness(home()).ok("env", "init", "default/app");

        Run run = run("env", "set", "default/app", "password", "hunter22", "--secret");

        assertThat(run.loaded()).contains(TINK_SET_UP);
        assertThat(run.stderr()).doesNotContain(GROOVY);
    }

    private Path home() {
        return work.resolve("home");
    }

    /** Runs {@code esc args} in a JVM of its own: what it looked for on the class path, and the classes it loaded. */
    private Run run(String... args) throws IOException, InterruptedException {
        Path log = Files.createTempFile(work, "classes", ".txt");
        Path err = Files.createTempFile(work, "stderr", ".txt");
        List<String> argv = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info:file=" + log + ":none", "-Dsun.misc.URLClassPath.debug=true",
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        argv.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(argv).redirectError(err.toFile());
        builder.environment().put("ESC_HOME", home().toString());
        builder.environment().put("ESC_LOCAL_USER", "tester");
        builder.environment().remove("ESC_ACCESS_TOKEN");
        builder.environment().remove("PULUMI_ACCESS_TOKEN");
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out + Files.readString(err, UTF_8)).isZero();
        List<String> names = new ArrayList<>();
        for (String line : Files.readAllLines(log, UTF_8)) {
            int end = line.indexOf(' ');
            names.add(end < 0 ? line : line.substring(0, end));
        }
        return new Run(Files.readString(err, UTF_8), names);
    }
}
