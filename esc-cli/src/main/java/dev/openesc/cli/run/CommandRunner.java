package dev.openesc.cli.run;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;

/**
 * Runs a command inside an environment: its variables set over esc's own, its files written to private temporary
 * files, its secrets hidden from the command's output, and esc's signals passed on to it.
 *
 * <p>The result is the command's exit status, or 128 + N when signal N ended it (the JVM reports a signalled child
 * that way on Linux, the same convention as the shells). A command that cannot be found gives 127 and one that
 * cannot be executed 126, each with a one-line message on the error stream, again as the shells do. Failures of
 * esc itself (the temporary files cannot be written, the process cannot be started for another reason) are thrown
 * as {@link IOException}: the caller reports them and exits with {@link #EXIT_ESC_FAILURE}.
 *
 * <p>The run ends when the command has exited and all of its output has been passed on. Like the reference, esc
 * waits for the output pipes to close: a background process the command left behind that still holds them keeps
 * esc waiting.
 */
public final class CommandRunner {

    /** The exit status for a failure of esc itself. */
    public static final int EXIT_ESC_FAILURE = 1;
    /** The command names a file that cannot be executed. */
    public static final int EXIT_NOT_EXECUTABLE = 126;
    /** The command names nothing. */
    public static final int EXIT_NOT_FOUND = 127;

    /** Runs the command of {@code spec} to its end and returns its exit status. */
    public int run(RunSpec spec) throws IOException {
        String program = spec.command().get(0);
        CommandResolver.Resolution resolution = CommandResolver.resolve(program);
        if (resolution instanceof CommandResolver.Resolution.NotFound) {
            return complain(spec, "esc: command not found: " + program, EXIT_NOT_FOUND);
        }
        if (resolution instanceof CommandResolver.Resolution.NotExecutable) {
            return complain(spec, "esc: permission denied: " + program, EXIT_NOT_EXECUTABLE);
        }

        TemporaryFiles files = spec.files().isEmpty() ? null : createFiles(spec);
        try {
            ProcessBuilder builder = new ProcessBuilder(spec.command());
            if (spec.directory() != null) {
                builder.directory(spec.directory().toFile());
            }
            setVariables(builder, spec.environment());
            if (files != null) {
                setVariables(builder, files.variables());
            }
            builder.redirectInput(spec.stdin() == null ? Redirect.INHERIT : Redirect.PIPE);
            boolean inheritOutput = spec.interactive() && spec.stdout() == null;
            boolean inheritError = spec.interactive() && spec.stderr() == null;
            builder.redirectOutput(inheritOutput ? Redirect.INHERIT : Redirect.PIPE);
            builder.redirectError(inheritError ? Redirect.INHERIT : Redirect.PIPE);

            try (SignalForwarder forwarding = SignalForwarder.install()) {
                Process child;
                try {
                    child = builder.start();
                } catch (IOException e) {
                    return launchFailed(spec, program, e);
                }
                forwarding.attach(child);
                release(spec.releasedOnStart());
                // Built once the child runs, while it execs and starts: whatever it writes meanwhile waits in the
                // pipe (docs/benchmarks.md, CLI start-up, round 26).
                SecretRedactor redactor = spec.interactive() ? SecretRedactor.none()
                        : SecretRedactor.ofBytes(spec.secrets());
                StreamPump errors = inheritError ? null : StreamPump.output("esc-run-stderr", child.getErrorStream(),
                        redactor.wrapUnlessEmpty(target(spec.stderr(), FileDescriptor.err)));
                if (spec.stdin() != null) {
                    StreamPump.input("esc-run-stdin", spec.stdin(), child.getOutputStream());
                }
                // The child's standard output is copied by this thread itself, which would otherwise only wait:
                // one thread fewer to start for every run.
                if (!inheritOutput) {
                    StreamPump.copyOutput(child.getInputStream(),
                            redactor.wrapUnlessEmpty(target(spec.stdout(), FileDescriptor.out)));
                }
                int status = awaitExit(child);
                if (errors != null) {
                    awaitEnd(errors);
                }
                return status;
            }
        } finally {
            if (files != null) {
                files.close();
            }
        }
    }

    /**
     * Sets variables over the inherited ones. A name or value the system cannot carry (a NUL, a '=' in a name)
     * fails the run before anything starts.
     */
    private static void setVariables(ProcessBuilder builder, Map<String, String> variables) throws IOException {
        Map<String, String> environment = builder.environment();
        for (Map.Entry<String, String> variable : variables.entrySet()) {
            // The caller's map usually repeats esc's whole environment: what is there already is not set again
            // (each put is checked and copied into the JDK's own form).
            if (variable.getValue().equals(environment.get(variable.getKey()))) {
                continue;
            }
            try {
                environment.put(variable.getKey(), variable.getValue());
            } catch (IllegalArgumentException e) {
                throw new IOException("invalid environment variable " + variable.getKey(), e);
            }
        }
    }

    private static TemporaryFiles createFiles(RunSpec spec) throws IOException {
        try {
            return spec.temporaryFolder() == null
                    ? TemporaryFiles.create(spec.files())
                    : TemporaryFiles.create(spec.files(), spec.temporaryFolder());
        } catch (IOException e) {
            throw new IOException("creating temporary files: " + e.getMessage(), e);
        }
    }

    /**
     * Closes what the run no longer needs while the child runs. Its failure cannot stop a child that already runs,
     * and the caller closes it again at the end anyway, so it is ignored here.
     */
    private static void release(AutoCloseable resource) {
        if (resource == null) {
            return;
        }
        try {
            resource.close();
        } catch (Exception e) {
            // See above: the run goes on.
        }
    }

    /** The caller's stream, or an unbuffered stream on esc's own descriptor (never closed here). */
    private static OutputStream target(OutputStream given, FileDescriptor own) {
        return given != null ? given : new FileOutputStream(own);
    }

    /**
     * Waits for the child. If the waiting thread is interrupted, the child is asked to stop (SIGTERM) and waited
     * for still, so that the temporary files are not removed from under it.
     */
    private static int awaitExit(Process child) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return child.waitFor();
                } catch (InterruptedException e) {
                    interrupted = true;
                    child.toHandle().destroy(); // SIGTERM, keeping the pipes open for its last words
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void awaitEnd(StreamPump pump) {
        boolean interrupted = false;
        while (true) {
            try {
                pump.awaitEnd();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The launcher failed although the lookup succeeded: the file vanished or changed in between, or the system
     * refused (an interpreter named by a {@code #!} line is missing, say). Its message carries the errno.
     */
    private static int launchFailed(RunSpec spec, String program, IOException e) throws IOException {
        String message = String.valueOf(e.getMessage());
        if (message.contains("error=2,")) {
            if (CommandResolver.resolve(program) instanceof CommandResolver.Resolution.Found found
                    && Files.exists(found.program())) {
                return complain(spec, "esc: cannot execute " + program + ": bad interpreter", EXIT_NOT_EXECUTABLE);
            }
            return complain(spec, "esc: command not found: " + program, EXIT_NOT_FOUND);
        }
        if (message.contains("error=13,")) {
            return complain(spec, "esc: permission denied: " + program, EXIT_NOT_EXECUTABLE);
        }
        throw new IOException("starting " + program + ": " + message, e);
    }

    private static int complain(RunSpec spec, String message, int status) throws IOException {
        OutputStream err = target(spec.stderr(), FileDescriptor.err);
        err.write((message + "\n").getBytes(StandardCharsets.UTF_8));
        err.flush();
        return status;
    }
}
