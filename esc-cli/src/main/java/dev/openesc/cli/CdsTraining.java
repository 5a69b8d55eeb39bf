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
 * The build-time dry runs that the AppCDS archives are recorded from (their class lists,
 * {@code -XX:DumpLoadedClassList}), against a throw-away local backend: with no argument, the commands people run
 * most, for {@code lib/esc.jsa}; with {@code --open}, only the commands that open an environment ({@code env get},
 * {@code open}, {@code env open}, {@code run}), for {@code lib/open.jsa}, the smaller archive {@code bin/esc} maps
 * for those (every start relocates all of the archive it maps: docs/decisions.md 33).
 */
public final class CdsTraining {
    /** The argument of the run that only makes the schema, in a JVM of its own: {@code --migrate <home>}. */
    private static final String MIGRATE = "--migrate";
    /**
     * The argument of the run that makes the schema and the environments the {@code --open} training opens, in a
     * JVM of its own so that the writing commands' classes stay out of that list: {@code --prepare <home>}.
     */
    private static final String PREPARE = "--prepare";
    /** The argument of the training of the commands that open an environment. */
    private static final String OPEN = "--open";

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
        if (args.length == 2 && args[0].equals(PREPARE)) {
            Path home = Path.of(args[1]);
            Map<String, String> environ = environ(home);
            makeEnvironments(environ, home);
            return;
        }
        boolean openOnly = args.length == 1 && args[0].equals(OPEN);
        // The locale data the commands read (the warm-up thread's choice, which races with nothing at run time but
        // would here, where the runs below open SQLite at once): its classes and lambdas are the ones archived.
        LocaleData.preferCompatWhereSame();
        Path home = Files.createTempDirectory("esc-cds-");
        try {
            Map<String, String> environ = environ(home);
            inAJvmOfItsOwn(openOnly ? PREPARE : MIGRATE, home);
            // The warm-up thread environment commands start from Main (which the runs below bypass), waited for
            // below so that every class it loads is archived: a class loaded from outside the archive at run time
            // opens lib/esc.jar (docs/decisions.md 22).
            Thread warmUp = StartupWarmup.startFor(new String[] {"run"});
            if (openOnly) {
                openEnvironments(environ, home);
            } else {
                run(environ, home, "version");
                makeEnvironments(environ, home);
                run(environ, home, "env", "ls");
                // Revision times as people read them (the local zone's rules and names).
                run(environ, home, "env", "version", "history", "default/train");
                // The environment tags' table, made on first use since docs/decisions.md 25.
                run(environ, home, "env", "tag", "ls", "default/train");
                openEnvironments(environ, home);
                run(environ, home, "env", "get", "--help");
                // The whole tree once (the runs above build only their branch), so every command's class is
                // archived.
                run(environ, home, "env", "--help");
                run(environ, home, "--help");
            }
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
     * The environments the training opens: {@code default/train} with plain values, a secret, interpolations of one
     * and of several parts, environment variables and a file, importing {@code default/base}.
     */
    private static void makeEnvironments(Map<String, String> environ, Path home) {
        run(environ, home, "env", "init", "default/base");
        run(environ, home, "env", "set", "default/base", "region", "us-west-2");
        run(environ, home, "env", "init", "default/train");
        run(environ, home, "env", "set", "default/train", "imports", "[base]");
        run(environ, home, "env", "set", "default/train", "greeting", "hello");
        run(environ, home, "env", "set", "default/train", "password", "hunter2", "--secret");
        run(environ, home, "env", "set", "default/train", "environmentVariables.GREETING", "${greeting}");
        run(environ, home, "env", "set", "default/train", "environmentVariables.PASSWORD", "${password}");
        // An interpolation of several parts (a single one takes a shorter path through the evaluator).
        run(environ, home, "env", "set", "default/train", "environmentVariables.BOTH", "${greeting}-${password}");
        run(environ, home, "env", "set", "default/train", "files.CONFIG", "region=${region}");
    }

    /** The commands that open an environment, in the forms people type most. */
    private static void openEnvironments(Map<String, String> environ, Path home) {
        run(environ, home, "env", "get", "default/train");
        String opened = run(environ, home, "open", "default/train", "--format", "dotenv");
        if (!opened.contains("hunter2")) {
            // A build whose distribution cannot decrypt (through the CLI's own AES-GCM, docs/decisions.md 29) must
            // not pass.
            throw new IllegalStateException("cds training: `esc open` did not decrypt the secret: " + opened);
        }
        run(environ, home, "env", "open", "default/train");
        run(environ, home, "run", "default/train", "--", "true");
    }

    /**
     * Runs this class with {@code mode} and {@code home} in another JVM: {@code --migrate} makes the database's
     * schema, so that Flyway, which a command runs only on a fresh or older database, is not in this run's class
     * list: the archive every command maps at start is smaller by its 300 classes (about 2.5 MB, relocated at every
     * start; docs/benchmarks.md, CLI start-up, round 12); {@code --prepare} also makes the environments.
     */
    private static void inAJvmOfItsOwn(String mode, Path home) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CdsTraining.class.getName(), mode, home.toString())
                .inheritIO().start();
        if (process.waitFor() != 0) {
            System.err.println("cds training: " + mode + " exited " + process.exitValue());
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
