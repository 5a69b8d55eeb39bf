package dev.openesc.cli;

import dev.openesc.cli.backend.Backends;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The build-time dry run that the AppCDS archive is recorded from (its class list,
 * {@code -XX:DumpLoadedClassList}): the commands people run most, against a throw-away local backend, so their
 * classes are in the archive.
 */
public final class CdsTraining {
    /** The argument of the run that only makes the schema, in a JVM of its own: {@code --migrate <home>}. */
    private static final String MIGRATE = "--migrate";

    private CdsTraining() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        // SLF4J found, and picocli's look-up for Groovy skipped, as Main has them, so that the classes of those paths
        // are the ones archived.
        Main.nameLoggingProvider();
        Main.skipGroovyClosureLookup();
        if (args.length == 2 && args[0].equals(MIGRATE)) {
            run(environ(Path.of(args[1])), Path.of(args[1]), "env", "ls");
            return;
        }
        // The locale data the commands read (the warm-up thread's choice, which races with nothing at run time but
        // would here, where the runs below open SQLite at once): its classes and lambdas are the ones archived.
        LocaleData.preferCompatWhereSame();
        Path home = Files.createTempDirectory("esc-cds-");
        try {
            Map<String, String> environ = environ(home);
            migrateInAJvmOfItsOwn(home);
            // The warm-up thread environment commands start from Main (which the runs below bypass), waited for
            // below so that every class it loads is archived: a class loaded from outside the archive at run time
            // opens lib/esc.jar (docs/decisions.md 22).
            Thread warmUp = StartupWarmup.startFor(new String[] {"run"});
            run(environ, home, "version");
            run(environ, home, "env", "init", "default/train");
            run(environ, home, "env", "set", "default/train", "greeting", "hello");
            run(environ, home, "env", "set", "default/train", "password", "hunter2", "--secret");
            run(environ, home, "env", "set", "default/train", "environmentVariables.GREETING", "${greeting}");
            run(environ, home, "env", "set", "default/train", "environmentVariables.PASSWORD", "${password}");
            // An interpolation of several parts (a single one takes a shorter path through the evaluator).
            run(environ, home, "env", "set", "default/train", "environmentVariables.BOTH", "${greeting}-${password}");
            run(environ, home, "env", "get", "default/train");
            run(environ, home, "env", "ls");
            // Revision times as people read them (the local zone's rules and names).
            run(environ, home, "env", "version", "history", "default/train");
            // The environment tags' table, made on first use since docs/decisions.md 25.
            run(environ, home, "env", "tag", "ls", "default/train");
            String opened = run(environ, home, "open", "default/train", "--format", "dotenv");
            if (!opened.contains("hunter2")) {
                // A build whose distribution cannot decrypt (through the CLI's own AES-GCM, docs/decisions.md
                // 29) must not pass.
                throw new IllegalStateException("cds training: `esc open` did not decrypt the secret: " + opened);
            }
            run(environ, home, "run", "default/train", "--", "true");
            run(environ, home, "env", "get", "--help");
            // The whole tree once (the runs above build only their branch), so every command's class is archived.
            run(environ, home, "env", "--help");
            run(environ, home, "--help");
            // Main itself, which the runs above bypass: loading its class puts it in the archive.
            java.util.Objects.requireNonNull(Main.class);
            Workspace.homeFrom(environ);
            warmUp.join();
        } finally {
            try (Stream<Path> files = Files.walk(home)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /**
     * Makes the database's schema from another JVM, so that Flyway, which a command runs only on a fresh or older
     * database, is not in this run's class list: the archive every command maps at start is smaller by its 300
     * classes (about 2.5 MB, relocated at every start; docs/benchmarks.md, CLI start-up, round 12).
     */
    private static void migrateInAJvmOfItsOwn(Path home) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CdsTraining.class.getName(), MIGRATE, home.toString())
                .inheritIO().start();
        if (process.waitFor() != 0) {
            System.err.println("cds training: making the schema exited " + process.exitValue());
        }
    }

    private static Map<String, String> environ(Path home) {
        Map<String, String> environ = new HashMap<>(System.getenv());
        environ.put("ESC_HOME", home.toString());
        environ.put("ESC_LOCAL_USER", "cds");
        return environ;
    }

    /** Runs {@code esc args} and returns what it printed. */
    private static String run(Map<String, String> environ, Path home, String... args) {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(sink, true, StandardCharsets.UTF_8);
        Workspace ws = new Workspace(new ByteArrayInputStream(new byte[0]), out, out, environ, home,
                Backends.OPEN);
        int status = Esc.execute(ws, args);
        if (status != 0) {
            System.err.println("cds training: esc " + String.join(" ", args) + " exited " + status + ": " + sink);
        }
        return sink.toString(StandardCharsets.UTF_8);
    }
}
