package dev.openesc.cli.login;

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
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code esc login} against a real server on a free port, then the same commands over HTTP. */
class LoginTest {
    @TempDir
    Path home;

    @TempDir
    Path serverDir;

    RunningServer server;
    String token;
    EscHarness esc;

    @BeforeEach
    void start() throws Exception {
        server = EscServer.start(ServerConfig.at(serverDir).withListen("127.0.0.1", 0).withStopTimeout(java.time.Duration.ofSeconds(1)),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        token = Files.readString(serverDir.resolve(EscServer.ADMIN_TOKEN_FILE)).strip();
        esc = new EscHarness(home);
    }

    @AfterEach
    void stop() {
        close();
    }

    /** Stops the server; the HTTP client's idle keep-alive connections may outlast the short grace period. */
    private void close() {
        try {
            server.close();
        } catch (RuntimeException e) {
            // the server is stopped either way
        }
    }

    @Test
    void loginRunsTheCommandsOnTheServerAndLogoutGoesBackToLocal() throws Exception {
        String url = server.publicUrl();
        Result login = esc.ok("login", url, "--token", token);
        assertThat(login.out()).isEqualTo("Logged in to " + url + " as admin\n");
        Path creds = home.resolve("credentials.json");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(creds))).isEqualTo("rw-------");
        assertThat(esc.ok("whoami").out()).isEqualTo("admin\n");

        esc.ok("env", "init", "admin/proj/app");
        esc.ok("env", "set", "admin/proj/app", "password", "hunter22", "--secret");
        esc.ok("env", "set", "admin/proj/app", "environmentVariables.PASSWORD", "${password}");
        assertThat(esc.ok("run", "admin/proj/app", "--", "sh", "-c", "echo $PASSWORD").out()).isEqualTo("[secret]\n");
        assertThat(esc.ok("env", "ls").out()).isEqualTo("proj/app\n");

        assertThat(esc.ok("logout").out()).isEqualTo("Logged out of " + url + "\n");
        assertThat(esc.ok("env", "ls").out()).isEmpty();
        assertThat(esc.ok("whoami").out()).isEqualTo("tester\n");
    }

    /**
     * The login is no organization on a server: an admin who left their only one is shown none, and a name
     * without an organization says so instead of trying one named after the login.
     */
    @Test
    void aUserInNoOrganizationIsShownNoneAndMustNameOne() {
        esc.ok("login", server.publicUrl(), "--token", token);
        String org = esc.ok("whoami", "-v").out().lines().filter(l -> l.startsWith("Organizations: "))
                .findFirst().orElseThrow().substring("Organizations: ".length()).split(", ")[0];
        esc.ok("org", "user", "create", "bob", "--role", "admin", "--no-token", "--org", org);
        esc.ok("org", "members", "rm", "admin", "--org", org);

        assertThat(esc.ok("whoami", "-v").out()).contains("Organizations: (none)\n").doesNotContain("Organizations: admin");
        Result get = esc.run("env", "get", "proj/app");
        assertThat(get.status()).isEqualTo(1);
        assertThat(get.err()).isEqualTo("Error: admin is not a member of any organization: name one, as "
                + "<org-name>/<project-name>/<environment-name> or with --org\n");
        assertThat(esc.run("org", "members", "ls").err()).contains("admin is not a member of any organization");
    }

    @Test
    void tokenFromTheEnvironment() {
        esc.env("ESC_ACCESS_TOKEN", token);
        assertThat(esc.ok("login", server.publicUrl()).out()).contains(" as admin");
    }

    @Test
    void refusedTokenIsOneLine() {
        Result r = esc.run("login", server.publicUrl(), "--token", "not-a-token");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err().lines()).hasSize(1).first().asString().startsWith("Error: ").contains("refused");
        assertThat(home.resolve("credentials.json")).doesNotExist();
    }

    @Test
    void unreachableServerIsOneLine() {
        Result r = esc.run("login", "http://127.0.0.1:1", "--token", token);
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err().lines()).hasSize(1).first().asString().startsWith("Error: cannot reach http://127.0.0.1:1");
    }

    @Test
    void aServerGoneIsReportedOnTheNextCommand() {
        esc.ok("login", server.publicUrl(), "--token", token);
        close();
        Result r = esc.run("env", "ls");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("Error: cannot reach " + server.publicUrl() + " (connection refused)\n");
        server = EscServer.start(ServerConfig.at(serverDir).withListen("127.0.0.1", 0).withStopTimeout(java.time.Duration.ofSeconds(1)),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }
}
