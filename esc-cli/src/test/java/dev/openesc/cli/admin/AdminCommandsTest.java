package dev.openesc.cli.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openesc.cli.EscHarness;
import dev.openesc.cli.EscHarness.Result;
import dev.openesc.server.EscServer;
import dev.openesc.server.RunningServer;
import dev.openesc.server.ServerConfig;
import dev.openesc.server.crypto.LocalMasterKey;
import dev.openesc.server.store.DatabaseOptions;
import dev.openesc.server.store.DatabaseUrl;
import dev.openesc.server.store.SessionPolicy;
import dev.openesc.server.store.Storage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code esc env version retract}, {@code esc org members}, {@code esc token} and {@code esc audit}. */
class AdminCommandsTest {
    @TempDir
    Path home;

    @TempDir
    Path serverDir;

    @Test
    void retractOnTheLocalBackendWithTheReferenceWording() {
        EscHarness esc = new EscHarness(home);
        esc.ok("env", "init", "default/app");
        esc.ok("env", "set", "default/app", "secret", "oh no");
        esc.ok("env", "set", "default/app", "hello", "world");
        esc.ok("env", "set", "default/app", "hello", "again");
        esc.ok("env", "version", "tag", "default/app@stable", "2");

        Result retracted = esc.ok("env", "version", "retract", "default/app@2", "--reason", "plaintext secret",
                "--replace-with", "@3");
        assertThat(retracted.out()).isEmpty();
        String history = esc.ok("env", "version", "history", "default/app", "--utc").out();
        assertThat(history).containsPattern("revision 4\nAuthor: tester <tester>\nDate:   [-0-9 :]+ \\+0000 UTC\n\n"
                + "revision 3 \\(tag: stable\\)\n");
        assertThat(history).containsPattern("revision 2 \\(retracted\\)\nAuthor: tester <tester>\n"
                + "Date:   [-0-9 :]+ \\+0000 UTC\n\n"
                + "    Retracted by tester <tester> at [-0-9 :]+ \\+0000 UTC and replaced with revision 3\\.\n\n"
                + "    plaintext secret\n\nrevision 1\n");

        Result get = esc.run("env", "get", "default/app@2");
        assertThat(get.status()).isNotZero();
        assertThat(get.err()).contains("retracted").doesNotContain("Exception");
        assertThat(esc.ok("env", "get", "default/app@stable", "--value", "json").out()).contains("world");

        // Without a reason or replacement: the newest earlier revision that is not retracted replaces it.
        esc.ok("env", "version", "retract", "default/app@3");
        assertThat(esc.ok("env", "version", "history", "default/app@3", "--utc").out())
                .containsPattern("revision 3 \\(retracted\\)\n.*\n.*\n\n    Retracted by tester <tester> at [-0-9 :]+ "
                        + "\\+0000 UTC and replaced with revision 1\\.\n\nrevision 2 \\(retracted\\)");

        Result latest = esc.run("env", "version", "retract", "default/app@latest");
        assertThat(latest.status()).isNotZero();
        assertThat(latest.err()).isEqualTo("Error: cannot retract the `latest` revision\n");
        Result head = esc.run("env", "version", "retract", "default/app@4");
        assertThat(head.err()).contains("latest revision");
        Result again = esc.run("env", "version", "retract", "default/app@2");
        assertThat(again.err()).contains("already retracted");
        assertThat(esc.run("env", "version", "retract", "default/app").err()).contains("<environment>@<version>");
    }

    @Test
    void tokensMembersAndAuditOnTheLocalBackend() {
        EscHarness esc = new EscHarness(home);
        esc.ok("env", "init", "default/app");
        assertThat(esc.ok("org", "members", "ls").out()).isEqualTo("tester  admin   tester\n");
        Result unknown = esc.run("org", "members", "add", "nobody");
        assertThat(unknown.status()).isNotZero();
        assertThat(unknown.err()).contains("user nobody not found");
        Result last = esc.run("org", "members", "rm", "tester");
        assertThat(last.err()).contains("last admin");

        Result created = esc.ok("token", "create", "--description", "backup job", "--expires", "30d");
        String secret = created.out().strip();
        assertThat(secret).startsWith("esc_");
        assertThat(created.err()).contains("shown only this once");
        String id = created.err().replaceAll("(?s).*Created token (tok-[0-9a-f]+)\\..*", "$1");
        String listed = esc.ok("token", "ls").out();
        assertThat(listed).contains(id + "  active").contains("backup job").doesNotContain(secret);
        assertThat(esc.ok("token", "rm", id).out()).isEqualTo("Revoked token " + id + ".\n");
        assertThat(esc.ok("token", "ls").out()).contains(id + "  revoked");
        assertThat(esc.run("token", "create", "--description", "x", "--expires", "soon").err())
                .contains("invalid --expires");

        String audit = esc.ok("audit", "ls").out();
        assertThat(audit).contains("tester  token_revoke  token " + id).contains("tester  environment_create  default/app@1");
        assertThat(esc.ok("audit", "ls", "--event", "environment_create").out().lines())
                .allMatch(l -> l.contains("environment_create")).isNotEmpty();
        assertThat(esc.ok("audit", "ls", "--limit", "1").out().lines()).hasSize(1);
        assertThat(esc.ok("audit", "ls", "--since", "2099-01-01").out()).isEmpty();
        assertThat(esc.ok("audit", "ls", "--until", "1h").out()).isEmpty();
        // the time parser is shared: each error names the option the user gave, not --expires
        assertThat(esc.run("audit", "ls", "--since", "3x").err()).contains("invalid --since \"3x\"")
                .doesNotContain("--expires");
        assertThat(esc.run("audit", "ls", "--until", "yesterday").err()).contains("invalid --until \"yesterday\"");
        assertThat(esc.run("org", "user", "create", "zed", "--token-expires", "soon").err())
                .contains("invalid --token-expires \"soon\"");
    }

    @Test
    void againstAServer() throws Exception {
        try (RunningServer server = EscServer.start(ServerConfig.at(serverDir).withListen("127.0.0.1", 0)
                .withStopTimeout(Duration.ofSeconds(1)), new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8))) {
            try (Storage storage = Storage.open(
                    DatabaseUrl.sqliteFile(serverDir.resolve(EscServer.DATABASE_FILE)).jdbcUrl(),
                    LocalMasterKey.loadOrCreate(serverDir.resolve(EscServer.MASTER_KEY_FILE)), SessionPolicy.defaults(),
                    DatabaseOptions.defaults())) {
                storage.identity().createUser("zoe", "Zoe Example", null);
            }
            String token = Files.readString(serverDir.resolve(EscServer.ADMIN_TOKEN_FILE)).strip();
            EscHarness esc = new EscHarness(home);
            esc.ok("login", server.publicUrl(), "--token", token);

            assertThat(esc.ok("org", "members", "add", "zoe").out()).isEqualTo("zoe is a member of admin.\n");
            assertThat(esc.ok("org", "members", "add", "zoe", "--role", "admin").out())
                    .isEqualTo("zoe is an admin of admin.\n");
            assertThat(esc.ok("org", "members", "ls", "--org", "admin").out())
                    .isEqualTo("admin  admin   Administrator\nzoe    admin   Zoe Example\n".replace("Administrator",
                            adminName(esc)));
            assertThat(esc.ok("org", "members", "rm", "zoe").out()).isEqualTo("Removed zoe from admin.\n");
            assertThat(esc.run("org", "members", "rm", "zoe").err()).contains("not a member");

            // A token made with the CLI logs in; revoked, the next command is refused.
            String secret = esc.ok("token", "create", "-d", "second login").out().strip();
            EscHarness other = new EscHarness(Files.createDirectories(home.resolve("other")));
            other.ok("login", server.publicUrl(), "--token", secret);
            assertThat(other.ok("whoami").out()).isEqualTo("admin\n");
            String id = esc.ok("token", "ls").out().lines().filter(l -> l.endsWith("second login")).findFirst()
                    .orElseThrow().split(" ")[0];
            esc.ok("token", "rm", id);
            Result refused = other.run("whoami");
            assertThat(refused.status()).isNotZero();

            esc.ok("env", "init", "admin/proj/app");
            esc.ok("env", "set", "admin/proj/app", "a", "1");
            esc.ok("env", "set", "admin/proj/app", "a", "2");
            esc.ok("env", "version", "retract", "admin/proj/app@2", "--reason", "wrong value");
            assertThat(esc.ok("env", "version", "history", "admin/proj/app").out())
                    .contains("revision 2 (retracted)").contains("replaced with revision 1.\n\n    wrong value\n");
            assertThat(esc.ok("audit", "ls", "--event", "revision_retract").out())
                    .contains("admin  revision_retract  proj/app@2  replaced with 1  from 127.0.0.1");
        }
    }

    private static String adminName(EscHarness esc) {
        return esc.ok("org", "members", "ls").out().lines().filter(l -> l.startsWith("admin "))
                .findFirst().orElseThrow().replaceAll("^admin +admin +", "");
    }
}
