package dev.openesc.cli.env;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openesc.cli.EscHarness;
import dev.openesc.cli.EscHarness.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code esc run} end to end: a real child process, its variables, files, output and exit status. */
class EnvRunCommandTest {
    @TempDir
    Path home;

    EscHarness esc;

    @BeforeEach
    void setUp() throws Exception {
        esc = new EscHarness(home);
        esc.init("app", """
                values:
                  greeting: hello
                  password:
                    fn::secret: hunter22
                  environmentVariables:
                    GREETING: ${greeting}
                    PASSWORD: ${password}
                  files:
                    KEYFILE: "key=${password}"
                """);
    }

    @Test
    void injectsVariablesAndHidesSecrets() {
        Result r = esc.ok("run", "app", "--", "sh", "-c", "echo \"$GREETING $PASSWORD\"; echo err-$PASSWORD >&2");
        assertThat(r.out()).isEqualTo("hello [secret]\n");
        assertThat(r.err()).isEqualTo("err-[secret]\n");
    }

    /** The local database is closed once the child runs: a long-running child keeps no connection open. */
    @Test
    void theDatabaseIsClosedWhileTheChildRuns() {
        // The child's parent is this JVM (the command runs in-process): it lists the files the JVM holds open. esc
        // closes the database beside the child, so the child looks again for a while (up to 5 s) until none is.
        Result r = esc.ok("run", "app", "--", "sh", "-c", "for i in $(seq 100); do"
                + " n=$(ls -l /proc/$PPID/fd | grep -c -F \"$0\"); [ \"$n\" = 0 ] && break; sleep 0.05; done; echo $n",
                home.resolve("esc.db").toString());
        assertThat(r.out()).isEqualTo("0\n");
    }

    @Test
    void interactiveShowsSecrets() {
        assertThat(esc.ok("env", "run", "-i", "app", "--", "sh", "-c", "echo $PASSWORD").out()).isEqualTo("hunter22\n");
    }

    @Test
    void filesExistDuringTheRunAndAreGoneAfter() throws Exception {
        Result r = esc.ok("run", "app", "--", "sh", "-c", "echo $KEYFILE; cat $KEYFILE; echo; stat -c %a $KEYFILE");
        String[] lines = r.out().split("\n");
        // The whole file is secret: it interpolates a secret.
        assertThat(lines[1]).isEqualTo("[secret]");
        assertThat(lines[2]).isEqualTo("600");
        assertThat(Path.of(lines[0])).doesNotExist();
    }

    @Test
    void aLocalRunAndOpenAreAuditedButStoreNoSession() throws Exception {
        esc.ok("run", "app", "--", "true");
        esc.ok("env", "open", "app");

        // docs/decisions.md 17: the local backend keeps the opened environment in the process
        assertThat(esc.ok("audit", "ls", "--event", "environment_open").out().lines())
                .hasSize(2).allSatisfy(line -> assertThat(line).contains("environment_open  default/app@2  session "));
        try (var db = java.sql.DriverManager.getConnection("jdbc:sqlite:" + home.resolve("esc.db"));
             var rows = db.createStatement().executeQuery("SELECT count(*) FROM open_sessions")) {
            rows.next();
            assertThat(rows.getInt(1)).isZero();
        }
    }

    @Test
    void exitStatusIsPassedThrough() {
        // $$ is esc's escape for $, so the shell's own $$ is written $$$$.
        assertThat(esc.run("run", "app", "--", "sh", "-c", "exit 42").status()).isEqualTo(42);
        assertThat(esc.run("run", "app", "--", "false").status()).isEqualTo(1);
        assertThat(esc.run("run", "app", "--", "sh", "-c", "kill -TERM $$$$").status()).isEqualTo(143);
    }

    @Test
    void commandNotFoundIs127() {
        Result r = esc.run("run", "app", "--", "no-such-command-for-esc");
        assertThat(r.status()).isEqualTo(127);
        assertThat(r.err()).isEqualTo("esc: command not found: no-such-command-for-esc\n");
    }

    @Test
    void argumentsAreInterpolatedAndTheirSecretsHidden() {
        Result r = esc.ok("run", "app", "--", "echo", "${greeting} ${password} $${greeting}");
        assertThat(r.out()).isEqualTo("hello [secret] ${greeting}\n");
    }

    @Test
    void stdinReachesTheChild() {
        assertThat(esc.runWithInput("from stdin\n", "run", "app", "--", "cat").out()).isEqualTo("from stdin\n");
    }

    @Test
    void laterEnvironmentsWinAndConflictsAreWarned() throws Exception {
        Path def = home.resolve("other.yaml");
        Files.writeString(def, "values:\n  environmentVariables:\n    GREETING: bonjour\n    EXTRA: x\n");
        esc.ok("env", "init", "other", "-f", def.toString());
        Result r = esc.ok("run", "--env", "app", "--env", "other", "--", "sh", "-c", "echo $GREETING $EXTRA");
        assertThat(r.out()).isEqualTo("bonjour x\n");
        assertThat(r.err()).contains("warning: other sets GREETING again");
    }

    @Test
    void missingEnvironmentOrCommandIsOneLine() {
        Result dashFirst = esc.run("run", "--", "sh", "-c", "true");
        assertThat(dashFirst.status()).isEqualTo(2);
        assertThat(dashFirst.err()).isEqualTo("Error: no environment specified\n");
        Result noCommand = esc.run("run", "app");
        assertThat(noCommand.status()).isEqualTo(2);
        assertThat(noCommand.err()).isEqualTo("Error: no command specified\n");
        Result unknown = esc.run("run", "nope", "--", "true");
        assertThat(unknown.status()).isEqualTo(1);
        assertThat(unknown.err().lines()).hasSize(1);
    }

    @Test
    void lifetimeIsValidated() {
        assertThat(esc.ok("run", "app", "--lifetime", "15m", "--", "true").status()).isZero();
        Result bad = esc.run("run", "app", "--lifetime", "soon", "--", "true");
        assertThat(bad.status()).isEqualTo(1);
        assertThat(bad.err()).startsWith("Error: invalid lifetime \"soon\"");
    }
}
