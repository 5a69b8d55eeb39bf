package dev.openesc.cli;

import dev.openesc.cli.backend.Backends;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Runs {@code esc} in-process against a local backend in a temporary {@code ESC_HOME}. */
public final class EscHarness {
    /** What a run printed and how it ended. */
    public record Result(int status, String out, String err) {}

    private final Path home;
    private final Map<String, String> environ = new HashMap<>(System.getenv());

    public EscHarness(Path home) {
        this.home = home;
        environ.put("ESC_HOME", home.toString());
        environ.put("ESC_LOCAL_USER", "tester");
        environ.remove("ESC_ACCESS_TOKEN");
        environ.remove("PULUMI_ACCESS_TOKEN");
    }

    public EscHarness env(String name, String value) {
        environ.put(name, value);
        return this;
    }

    /** Removes a variable the test machine may have set, so that neither esc nor its child sees it. */
    public EscHarness unset(String name) {
        environ.remove(name);
        return this;
    }

    public Path home() {
        return home;
    }

    public Result run(String... args) {
        return runWithInput("", args);
    }

    public Result runWithInput(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Workspace ws = workspace(stdin, out, err);
        int status = Esc.execute(ws, args);
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** A workspace over this harness's home and environment, with output thrown away. */
    public Workspace workspace() {
        return workspace("", new ByteArrayOutputStream(), new ByteArrayOutputStream());
    }

    private Workspace workspace(String stdin, ByteArrayOutputStream out, ByteArrayOutputStream err) {
        return new Workspace(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                environ, home, Backends::open).inDirectory(home);
    }

    /**
     * Creates environment {@code name} with {@code yaml} as its definition, as a user would: {@code env init NAME -f
     * FILE}, from a file written in the home folder for the purpose and removed again.
     */
    public Result init(String name, String yaml) throws IOException {
        Files.createDirectories(home);
        Path file = Files.createTempFile(home, "definition", ".yaml");
        try {
            Files.writeString(file, yaml);
            return ok("env", "init", name, "-f", file.toString());
        } finally {
            Files.delete(file);
        }
    }

    /** Runs and requires success. */
    public Result ok(String... args) {
        Result r = run(args);
        if (r.status() != 0) {
            throw new AssertionError("esc " + String.join(" ", args) + " exited " + r.status() + ": " + r.err());
        }
        return r;
    }
}
