package dev.openesc.cli.admin;

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

/** {@code esc org user create|rm} against a server: the new user logs in with the printed token. */
class OrgUserCommandTest {
    @TempDir
    Path home;

    @TempDir
    Path serverDir;

    @Test
    void anAdminCreatesAUserWhoLogsInAndDeletesThem() throws Exception {
        try (RunningServer server = EscServer.start(ServerConfig.at(serverDir).withListen("127.0.0.1", 0)
                .withStopTimeout(Duration.ofSeconds(1)), new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8))) {
            EscHarness esc = new EscHarness(home);
            esc.ok("login", server.publicUrl(), "--token",
                    Files.readString(serverDir.resolve(EscServer.ADMIN_TOKEN_FILE)).strip());

            Result created = esc.ok("org", "user", "create", "kim", "--name", "Kim Lee", "--email", "kim@example.com",
                    "--token-expires", "30d");
            String secret = created.out().strip();
            assertThat(secret).startsWith("esc_");
            assertThat(created.err()).contains("Created user kim, a member of admin.").contains("shown only this once");
            EscHarness kim = new EscHarness(Files.createDirectories(home.resolve("kim")));
            kim.ok("login", server.publicUrl(), "--token", secret);
            assertThat(kim.ok("whoami").out()).isEqualTo("kim\n");
            assertThat(esc.ok("org", "members", "ls").out()).contains("kim    member  Kim Lee");
            assertThat(esc.ok("token", "ls").out()).doesNotContain(secret);

            Result quiet = esc.ok("org", "user", "create", "lee", "--role", "admin", "--no-token");
            assertThat(quiet.out()).isEmpty();
            assertThat(quiet.err()).isEqualTo("Created user lee, an admin of admin.\n");

            Result duplicate = esc.run("org", "user", "create", "kim");
            assertThat(duplicate.status()).isNotZero();
            assertThat(duplicate.err()).contains("already exists").doesNotContain("Exception");
            assertThat(esc.run("org", "user", "create", ".kim").err()).contains("invalid user name");
            Result notAdmin = kim.run("org", "user", "create", "max");
            assertThat(notAdmin.status()).isNotZero();
            assertThat(notAdmin.err()).contains("may not administer");

            assertThat(esc.ok("audit", "ls", "--event", "user_create").out()).contains("create user kim as MEMBER")
                    .contains("create user lee as ADMIN").doesNotContain(secret);
            assertThat(esc.ok("audit", "ls", "--event", "token_use").out()).contains("kim  token_use");

            assertThat(esc.ok("org", "user", "rm", "kim").out()).isEqualTo("Deleted user kim.\n");
            assertThat(kim.run("whoami").status()).isNotZero();
            assertThat(esc.run("org", "user", "rm", "kim").err()).contains("not a member");
            assertThat(esc.ok("org", "members", "ls").out()).doesNotContain("kim");
        }
    }
}
