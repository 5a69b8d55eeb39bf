package dev.openesc.cli.badinput;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openesc.cli.EscHarness;
import dev.openesc.cli.EscHarness.Result;
import dev.openesc.server.EscServer;
import dev.openesc.server.RunningServer;
import dev.openesc.server.ServerConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4's bad input: each mistake gives one line on stderr, {@code Error: ...}, the documented status (1 for
 * esc's failures, 2 for a wrong command line; see the README's table) and never a stack trace.
 */
class BadInputTest {
    @TempDir
    Path home;

    EscHarness esc;

    @BeforeEach
    void setUp() {
        esc = new EscHarness(home);
        esc.ok("env", "init", "app");
    }

    @Test
    void unknownEnvironment() {
        assertOneLine(esc.run("env", "get", "nope"), 1, "Error: getting environment definition: not found");
        assertOneLine(esc.run("run", "nope", "--", "true"), 1, "Error: not found");
        assertOneLine(esc.run("open", "proj/nope"), 1, "Error: not found");
    }

    @Test
    void unknownOrganization() {
        assertOneLine(esc.run("env", "get", "nosuchorg/proj/app"), 1,
                "Error: getting environment definition: organization nosuchorg not found");
        assertOneLine(esc.run("run", "nosuchorg/proj/app", "--", "true"), 1,
                "Error: organization nosuchorg not found");
    }

    @Test
    void malformedReference() {
        assertOneLine(esc.run("env", "get", "acme//app"), 1, "Error: invalid environment reference \"acme//app\": "
                + "an empty organization or project name (expected [<org-name>/][<project-name>/]<environment-name>"
                + "[@<version>])");
        assertOneLine(esc.run("env", "get", "@3"), 1, "Error: no environment name specified");
        Result badName = esc.run("env", "get", "bad name!");
        assertOneLine(badName, 1, badName.err().strip());
        assertThat(badName.err()).startsWith("Error: getting environment definition: invalid environment name "
                + "\"bad name!\"");
        assertOneLine(esc.run("env", "get", "app@99"), 1,
                "Error: getting environment definition: revision 99 of tester/default/app not found");
    }

    /**
     * The argument counts the reference checks inside its commands exit 1 in its words (its scripts assert the
     * status); what picocli finds wrong with a command line exits 2. Both are documented in the README.
     */
    @Test
    void argumentCountsInTheReferenceWordsExitOneAndPicocliUsageErrorsExitTwo() {
        assertOneLine(esc.run("env", "tag", "app", "owner"), 1, "Error: accepts 3 arg(s), received 2");
        assertOneLine(esc.run("env", "version"), 1, "Error: accepts 1 arg(s), received 0");
        assertOneLine(esc.run("env", "version", "tag"), 1, "Error: accepts between 1 and 2 arg(s), received 0");
        Result unknownOption = esc.run("env", "get", "app", "--no-such-option");
        assertThat(unknownOption.status()).isEqualTo(2);
        assertThat(unknownOption.err()).contains("Run 'esc env get --help' for usage.");
    }

    @Test
    void missingCommandAndSeparatorFirst() {
        assertOneLine(esc.run("run", "app"), 2, "Error: no command specified");
        assertOneLine(esc.run("run", "--", "true"), 2, "Error: no environment specified");
        Result notFound = esc.run("run", "app", "--", "no-such-command-for-esc");
        assertThat(notFound.status()).isEqualTo(127);
        assertThat(notFound.err()).isEqualTo("esc: command not found: no-such-command-for-esc\n");
    }

    @Test
    void unreachableServerNamesTheUrl() throws IOException {
        String url = "http://127.0.0.1:" + closedPort();
        assertOneLine(esc.run("login", url, "--token", "t0ken"), 1,
                "Error: cannot reach " + url + " (connection refused)");
        assertThat(home.resolve("credentials.json")).doesNotExist();
    }

    @Test
    void expiredOrRevokedLogin() throws Exception {
        Path serverDir = Files.createTempDirectory(home, "server");
        RunningServer server = startServer(serverDir);
        try {
            String url = server.publicUrl();
            String token = adminToken(serverDir);
            esc.ok("login", url, "--token", token);
            // The server no longer knows the stored token: to it, revoked and expired look the same (401).
            Path creds = home.resolve("credentials.json");
            Files.writeString(creds, Files.readString(creds).replace(token, "revoked-token"));
            assertOneLine(esc.run("env", "get", "admin/proj/app"), 1,
                    "Error: your login has expired or was revoked; run esc login " + url);
            // A wrong token given to esc login is refused, not "expired": the user just typed it.
            Result refused = esc.run("login", url, "--token", "not-a-token");
            assertThat(refused.status()).isEqualTo(1);
            assertThat(refused.err()).startsWith("Error: " + url + " refused the access token");
        } finally {
            try {
                server.close();
            } catch (RuntimeException e) {
                // the HTTP client's idle keep-alive connections may outlast the short grace period: stopped anyway
            }
        }
    }

    private RunningServer startServer(Path dir) throws IOException {
        RunningServer server = EscServer.start(ServerConfig.at(dir).withListen("127.0.0.1", 0)
                .withStopTimeout(Duration.ofSeconds(1)),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        return server;
    }

    private static String adminToken(Path serverDir) throws IOException {
        return Files.readString(serverDir.resolve(EscServer.ADMIN_TOKEN_FILE)).strip();
    }

    /** A port nothing listens on: found free at run time, then closed. */
    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void assertOneLine(Result r, int status, String line) {
        assertThat(r.err()).as("stderr").isEqualTo(line + "\n");
        assertThat(r.status()).as("status of: " + r.err()).isEqualTo(status);
        assertThat(r.err()).doesNotContain("\tat ").doesNotContain("Exception");
    }
}
