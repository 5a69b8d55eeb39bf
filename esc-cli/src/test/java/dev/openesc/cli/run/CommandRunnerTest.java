package dev.openesc.cli.run;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(60)
class CommandRunnerTest {

    @TempDir
    Path temporaryParent;

    record Outcome(int status, String stdout, String stderr) {}

    private Outcome run(RunSpec.Builder spec) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new CommandRunner().run(spec.stdout(out).stderr(err).temporaryFolder(temporaryParent).build());
        return new Outcome(status, out.toString(UTF_8), err.toString(UTF_8));
    }

    private Outcome sh(String script) throws IOException {
        return run(RunSpec.of("sh", "-c", script));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 42, 255})
    void passesTheExitStatusThrough(int status) throws IOException {
        assertThat(sh("exit " + status).status()).isEqualTo(status);
    }

    @Test
    void aSignalledChildGives128PlusTheSignal() throws IOException {
        assertThat(sh("kill -INT $$").status()).isEqualTo(130);
        assertThat(sh("kill -TERM $$").status()).isEqualTo(143);
        assertThat(sh("kill -KILL $$").status()).isEqualTo(137);
    }

    @Test
    void anUnknownCommandGives127AndOneLine() throws IOException {
        Outcome outcome = run(RunSpec.of("no-such-command-for-esc", "arg"));
        assertThat(outcome.status()).isEqualTo(127);
        assertThat(outcome.stderr()).isEqualTo("esc: command not found: no-such-command-for-esc\n");
        assertThat(outcome.stdout()).isEmpty();

        assertThat(run(RunSpec.of("./missing/program")).status()).isEqualTo(127);
    }

    @Test
    void aFileThatCannotBeExecutedGives126() throws IOException {
        Path plain = Files.writeString(temporaryParent.resolve("plain.sh"), "echo hi\n");
        Outcome outcome = run(RunSpec.of(plain.toString()));
        assertThat(outcome.status()).isEqualTo(126);
        assertThat(outcome.stderr()).isEqualTo("esc: permission denied: " + plain + "\n");
    }

    @Test
    void setsVariablesOverTheCurrentEnvironment() throws IOException {
        Outcome outcome = run(RunSpec.of("sh", "-c", "echo \"$ESC_TEST_PLAIN|$HOME|$PATH\"")
                .variable("ESC_TEST_PLAIN", "plaintext")
                .variable("HOME", "/nowhere"));
        assertThat(outcome.stdout()).isEqualTo("plaintext|/nowhere|" + System.getenv("PATH") + "\n");
    }

    @Test
    void hidesSecretsInStdoutAndStderr() throws IOException {
        Outcome outcome = run(RunSpec.of("sh", "-c",
                "echo \"secret: $SECRET, plain: $PLAIN\"; echo \"oops $SECRET\" >&2; printf hunter2")
                .variable("SECRET", "hunter2")
                .variable("PLAIN", "plaintext")
                .secret("hunter2"));
        assertThat(outcome.stdout()).isEqualTo("secret: [secret], plain: plaintext\n[secret]");
        assertThat(outcome.stderr()).isEqualTo("oops [secret]\n");
    }

    @Test
    void hidesASecretSplitAcrossWrites() throws IOException {
        Outcome outcome = run(RunSpec.of("sh", "-c", "printf 'key=hun'; sleep 0.3; printf 'ter2\\n'")
                .secret("hunter2"));
        assertThat(outcome.stdout()).isEqualTo("key=[secret]\n");
    }

    @Test
    void hidesASecretInsideALongLine() throws IOException {
        Outcome outcome = run(RunSpec.of("sh", "-c",
                "head -c 300000 /dev/zero | tr '\\0' x; printf 'correct horse'; head -c 300000 /dev/zero | tr '\\0' y")
                .secret("correct horse"));
        assertThat(outcome.stdout()).isEqualTo("x".repeat(300_000) + "[secret]" + "y".repeat(300_000));
    }

    @Test
    void shortSecretsStayVisible() throws IOException {
        assertThat(run(RunSpec.of("echo", "ab", "abc").secret("ab").secret("abc")).stdout())
                .isEqualTo("ab [secret]\n");
    }

    @Test
    void interactiveRunsDoNotRedact() throws IOException {
        Outcome outcome = run(RunSpec.of("sh", "-c", "printf hunter2").secret("hunter2").interactive(true));
        assertThat(outcome.stdout()).isEqualTo("hunter2");
    }

    @Test
    void stdinReachesTheChild() throws IOException {
        byte[] input = "line one\nline two\n".getBytes(UTF_8);
        Outcome outcome = run(RunSpec.of("cat").stdin(new ByteArrayInputStream(input)));
        assertThat(outcome.stdout()).isEqualTo("line one\nline two\n");
        assertThat(outcome.status()).isZero();
    }

    @Test
    void aPromptWithoutNewlineAppearsBeforeTheChildExits() throws Exception {
        PipedOutputStream keyboard = new PipedOutputStream();
        PipedInputStream stdin = new PipedInputStream(keyboard);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RunSpec spec = RunSpec.of("sh", "-c", "printf 'Password: '; read answer; echo \"thanks, $answer\"")
                .secret("Password-that-is-never-typed")
                .stdin(stdin)
                .stdout(out)
                .stderr(new ByteArrayOutputStream())
                .build();
        CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> {
            try {
                return new CommandRunner().run(spec);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });

        awaitOutput(out, "Password: ", Duration.ofSeconds(10));
        assertThat(run).isNotDone();
        keyboard.write("swordfish\n".getBytes(UTF_8));
        keyboard.close();

        assertThat(run.get(10, TimeUnit.SECONDS)).isZero();
        assertThat(out.toString(UTF_8)).isEqualTo("Password: thanks, swordfish\n");
    }

    @Test
    void filesExistDuringTheRunPrivatelyAndAreGoneAfterwards() throws IOException {
        Outcome outcome = run(RunSpec.of("sh", "-c",
                "cat \"$CONFIG\"; echo; stat -c %a \"$CONFIG\" \"$(dirname \"$CONFIG\")\"; echo \"$CONFIG\"; "
                        + "echo \"$ODD\"; cat \"$ODD\"")
                .file("CONFIG", "export F_SECRET=hunter2\n")
                .file("ODD", "odd name")
                .variable("ODD", "overridden by the file")
                .secret("hunter2"));
        List<String> lines = outcome.stdout().lines().toList();
        assertThat(lines.get(0)).isEqualTo("export F_SECRET=[secret]");
        assertThat(lines.subList(2, 4)).containsExactly("600", "700");
        Path config = Path.of(lines.get(4));
        assertThat(config).isAbsolute().hasFileName("CONFIG");
        assertThat(config.getParent().getParent()).isEqualTo(temporaryParent);
        assertThat(lines.get(5)).isEqualTo(config.resolveSibling("ODD").toString());
        assertThat(lines.get(6)).isEqualTo("odd name");

        assertThat(config).doesNotExist();
        assertThat(config.getParent()).doesNotExist();
        try (var left = Files.list(temporaryParent)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void filesAreRemovedWhenTheCommandFails() throws IOException {
        Outcome outcome = run(RunSpec.of("sh", "-c", "echo \"$F\"; exit 3").file("F", "x"));
        assertThat(outcome.status()).isEqualTo(3);
        assertThat(Path.of(outcome.stdout().strip())).doesNotExist();
        try (var left = Files.list(temporaryParent)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void noFolderIsMadeWithoutFiles() throws IOException {
        sh("true");
        try (var left = Files.list(temporaryParent)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void aClosedOutputEndsTheChildWithABrokenPipe() throws IOException {
        OutputStream closedAfterALittle = new OutputStream() {
            private int written;

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                written += length;
                if (written > 100_000) {
                    throw new IOException("Broken pipe");
                }
            }
        };
        int status = new CommandRunner().run(RunSpec.of("yes", "hunter2")
                .secret("hunter2")
                .stdout(closedAfterALittle)
                .stderr(new ByteArrayOutputStream())
                .build());
        assertThat(status).isEqualTo(128 + 13); // SIGPIPE, as in `yes | head`
    }

    @Test
    void invalidVariablesAreAnEscFailureAndLeaveNoFiles() {
        RunSpec spec = RunSpec.of("true").variable("BAD", "nul\0inside").file("F", "x")
                .temporaryFolder(temporaryParent).build();
        assertThatThrownBy(() -> new CommandRunner().run(spec))
                .isInstanceOf(IOException.class)
                .hasMessage("invalid environment variable BAD");
        assertThat(temporaryParent.toFile().list()).isEmpty();
    }

    @Test
    void aSpecNeverPrintsValues() {
        RunSpec spec = RunSpec.of("echo", "hunter2").variable("SECRET", "hunter2").file("F", "hunter2")
                .secret("hunter2").build();
        assertThat(spec.toString())
                .doesNotContain("hunter2")
                .isEqualTo("RunSpec[program=echo, arguments=1, variables=[SECRET], files=[F], secrets=1, "
                        + "interactive=false]");
    }

    static void awaitOutput(ByteArrayOutputStream out, String expected, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!out.toString(UTF_8).contains(expected)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no '" + expected + "' within " + timeout + "; got: " + out.toString(UTF_8));
            }
            Thread.sleep(10);
        }
    }
}
