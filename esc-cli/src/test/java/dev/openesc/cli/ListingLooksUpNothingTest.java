package dev.openesc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
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

    @Test
    void listingsSkipGroovyAndTink() throws Exception {
        new EscHarness(home()).ok("env", "init", "default/app");

        for (String[] command : List.of(new String[] {"env", "ls"},
                new String[] {"env", "version", "history", "default/app"}, new String[] {"whoami"})) {
            MainInItsOwnJvm.Run run = run(command);
            assertThat(run.stderr()).as(String.join(" ", command)).contains("URLClassPath.getResource(")
                    .doesNotContain(GROOVY);
            assertThat(run.loaded()).as(String.join(" ", command)).contains("picocli.CommandLine")
                    .doesNotContain(TINK_SET_UP, JUL);
        }
    }

    @Test
    void aSecretStillSetsUpTink() throws Exception {
        new EscHarness(home()).ok("env", "init", "default/app");

        MainInItsOwnJvm.Run run = run("env", "set", "default/app", "password", "hunter22", "--secret");

        assertThat(run.loaded()).contains(TINK_SET_UP);
        assertThat(run.stderr()).doesNotContain(GROOVY);
    }

    private Path home() {
        return work.resolve("home");
    }

    /** Runs {@code esc args} in a JVM of its own, with the class path's debug output (what it looked for). */
    private MainInItsOwnJvm.Run run(String... args) throws IOException, InterruptedException {
        return MainInItsOwnJvm.run(work, home(), List.of("-Dsun.misc.URLClassPath.debug=true", "-cp",
                System.getProperty("java.class.path")), args);
    }
}
