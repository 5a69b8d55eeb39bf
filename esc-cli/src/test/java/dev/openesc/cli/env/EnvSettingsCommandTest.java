package dev.openesc.cli.env;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openesc.cli.EscHarness;
import dev.openesc.cli.EscHarness.Result;
import dev.openesc.server.EscServer;
import dev.openesc.server.RunningServer;
import dev.openesc.server.ServerConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code esc env settings get|set} and {@code esc env rm} of a protected environment, locally and on a server. */
class EnvSettingsCommandTest {
    private static final String PROTECTED_RM = "Error: cannot delete environment: deletion protection is enabled. "
            + "Disable deletion protection with 'esc env settings set %s deletion-protected false' before deleting\n";

    @TempDir
    Path home;

    @TempDir
    Path serverDir;

    @Test
    void getAndSetOnTheLocalBackend() {
        EscHarness esc = new EscHarness(home);
        esc.ok("env", "init", "default/app");
        assertThat(esc.ok("env", "settings", "get", "default/app").out()).isEqualTo("deletion-protected false\n");
        assertThat(esc.ok("env", "settings", "get", "default/app", "deletion-protected").out()).isEqualTo("false\n");

        assertThat(esc.ok("env", "settings", "set", "default/app", "deletion-protected", "true").out())
                .isEqualTo("true\n");
        assertThat(esc.ok("env", "settings", "get", "tester/default/app").out()).isEqualTo("deletion-protected true\n");
        assertThat(esc.ok("env", "settings", "set", "default/app", "deletion-protected", "false").out())
                .isEqualTo("false\n");
        assertThat(esc.ok("env", "settings", "get", "default/app", "deletion-protected").out()).isEqualTo("false\n");
    }

    @Test
    void badInputIsOneLineWithTheReferenceWordsAndChangesNothing() {
        EscHarness esc = new EscHarness(home);
        esc.ok("env", "init", "default/app");
        esc.ok("env", "settings", "set", "default/app", "deletion-protected", "true");

        // Only the words true and false, not YAML's yes/no or other cases.
        for (String value : new String[] {"invalid", "yes", "True", "0"}) {
            Result r = esc.run("env", "settings", "set", "default/app", "deletion-protected", value);
            assertThat(r.status()).isEqualTo(1);
            assertThat(r.out()).isEmpty();
            assertThat(r.err()).isEqualTo("Error: invalid value for deletion-protected: " + value
                    + " (expected true or false)\n");
        }
        assertFails(esc, "Error: unknown setting name: protected\n", "env", "settings", "set", "default/app",
                "protected", "false");
        assertFails(esc, "Error: unknown setting name: protected\n", "env", "settings", "get", "default/app",
                "protected");
        assertFails(esc, "Error: the settings command does not accept versions\n", "env", "settings", "get",
                "default/app@1");
        assertFails(esc, "Error: the settings command does not accept versions\n", "env", "settings", "set",
                "default/app@1", "deletion-protected", "false");
        assertFails(esc, "Error: expected a setting name and value\n", "env", "settings", "set", "default/app",
                "deletion-protected");
        assertFails(esc, "Error: accepts between 2 and 3 arg(s), received 1\n", "env", "settings", "set",
                "default/app");
        assertFails(esc, "Error: not found\n", "env", "settings", "get", "default/nope");
        assertThat(esc.ok("env", "settings", "get", "default/app", "deletion-protected").out()).isEqualTo("true\n");
    }

    @Test
    void rmOfAProtectedEnvironmentIsRefusedUntilProtectionIsLifted() {
        EscHarness esc = new EscHarness(home);
        esc.ok("env", "init", "default/app");
        esc.ok("env", "set", "default/app", "keep", "me");
        esc.ok("env", "settings", "set", "default/app", "deletion-protected", "true");

        Result refused = esc.run("env", "rm", "default/app", "--yes");
        assertThat(refused.status()).isEqualTo(1);
        assertThat(refused.out()).isEmpty();
        assertThat(refused.err()).isEqualTo(PROTECTED_RM.formatted("tester/default/app"));
        // Also after the typed confirmation.
        Result confirmed = esc.runWithInput("tester/default/app\n", "env", "rm", "default/app");
        assertThat(confirmed.status()).isEqualTo(1);
        assertThat(confirmed.err()).endsWith(PROTECTED_RM.formatted("tester/default/app"));
        assertThat(esc.ok("env", "get", "default/app", "keep", "--value", "string").out()).isEqualTo("me\n");
        // Removing a value edits the definition: the setting does not guard that.
        esc.ok("env", "rm", "default/app", "keep");

        esc.ok("env", "settings", "set", "default/app", "deletion-protected", "false");
        assertThat(esc.ok("env", "rm", "default/app", "--yes").out())
                .isEqualTo("Environment \"tester/default/app\" has been removed!\n");
        assertThat(esc.run("env", "settings", "get", "default/app").status()).isEqualTo(1);
    }

    @Test
    void helpListsTheAvailableSettings() {
        EscHarness esc = new EscHarness(home);
        for (String sub : new String[] {"get", "set"}) {
            assertThat(esc.ok("env", "settings", sub, "--help").out())
                    .contains("Available settings:\n  deletion-protected  Enable or disable deletion protection");
        }
        assertThat(esc.ok("env", "settings", "--help").out()).contains("get").contains("set");
        assertThat(esc.ok("env", "--help").out()).contains("settings");
        // The help's list is a constant (picocli takes only constants): it names every setting there is.
        for (EnvSetting s : EnvSetting.values()) {
            assertThat(EnvSetting.HELP).contains("  " + s.word + "  " + s.help);
        }
    }

    @Test
    void againstAServer() throws Exception {
        try (RunningServer server = EscServer.start(ServerConfig.at(serverDir).withListen("127.0.0.1", 0)
                .withStopTimeout(Duration.ofSeconds(1)), new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8))) {
            String token = Files.readString(serverDir.resolve(EscServer.ADMIN_TOKEN_FILE)).strip();
            EscHarness esc = new EscHarness(home);
            esc.ok("login", server.publicUrl(), "--token", token);
            esc.ok("env", "init", "admin/proj/app");

            assertThat(esc.ok("env", "settings", "set", "admin/proj/app", "deletion-protected", "true").out())
                    .isEqualTo("true\n");
            assertThat(esc.ok("env", "settings", "get", "admin/proj/app").out()).isEqualTo("deletion-protected true\n");
            Result refused = esc.run("env", "rm", "admin/proj/app", "-y");
            assertThat(refused.status()).isEqualTo(1);
            assertThat(refused.err()).isEqualTo(PROTECTED_RM.formatted("admin/proj/app"));
            assertThat(esc.ok("env", "ls").out()).isEqualTo("proj/app\n");

            esc.ok("env", "settings", "set", "admin/proj/app", "deletion-protected", "false");
            assertThat(esc.ok("audit", "ls", "--event", "environment_settings_write").out())
                    .contains("deletionProtected: false -> true").contains("deletionProtected: true -> false");
            esc.ok("env", "rm", "admin/proj/app", "-y");
            assertThat(esc.ok("env", "ls").out()).isEmpty();
        }
    }

    private static void assertFails(EscHarness esc, String stderr, String... args) {
        Result r = esc.run(args);
        assertThat(r.status()).as(String.join(" ", args)).isEqualTo(1);
        assertThat(r.err()).as(String.join(" ", args)).isEqualTo(stderr);
    }
}
