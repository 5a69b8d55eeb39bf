package dev.openesc.cli.run;

import java.io.File;
import java.nio.file.Path;

/**
 * Finds the program a command name refers to, the way the process launcher will: a name with a slash is a path,
 * any other name is looked up in the directories of {@code PATH}.
 *
 * <p>The lookup uses esc's own {@code PATH}, not one the environment injects: that is what the reference does, and
 * what the JVM's launcher does too, so the check and the launch agree. Empty {@code PATH} entries (which a shell
 * reads as the current folder) are skipped, so a program in the current folder must be named as {@code ./name}.
 */
public final class CommandResolver {

    /** The outcome of a lookup. */
    public sealed interface Resolution {
        /** The command names this executable file. */
        record Found(Path program) implements Resolution {}

        /** The command names a file that exists but cannot be executed (a folder, or no execute permission). */
        record NotExecutable(Path candidate) implements Resolution {}

        /** Nothing by that name. */
        record NotFound() implements Resolution {}
    }

    private CommandResolver() {}

    /** Resolves {@code command} against the {@code PATH} of this process. */
    public static Resolution resolve(String command) {
        return resolve(command, System.getenv("PATH"));
    }

    /** Resolves {@code command} against the given search path (entries separated by {@code :}). */
    public static Resolution resolve(String command, String searchPath) {
        if (command.isEmpty()) {
            return new Resolution.NotFound();
        }
        if (command.contains("/")) {
            return check(new File(command));
        }
        Resolution best = new Resolution.NotFound();
        for (String folder : (searchPath == null ? "" : searchPath).split(File.pathSeparator)) {
            if (folder.isEmpty()) {
                continue;
            }
            Resolution candidate = check(new File(folder, command));
            if (candidate instanceof Resolution.Found) {
                return candidate;
            }
            if (candidate instanceof Resolution.NotExecutable && best instanceof Resolution.NotFound) {
                best = candidate; // keep looking: a later folder may hold an executable one
            }
        }
        return best;
    }

    /**
     * Through {@link File} rather than {@link java.nio.file.Files}: the same system calls (a name the system cannot
     * carry, such as one with a NUL, simply does not exist), without the classes the latter loads on first use at
     * every {@code esc run}. A {@link Path} is made only for a name that exists.
     */
    private static Resolution check(File candidate) {
        if (!candidate.exists()) {
            return new Resolution.NotFound();
        }
        if (candidate.isFile() && candidate.canExecute()) {
            return new Resolution.Found(Path.of(candidate.getPath()));
        }
        return new Resolution.NotExecutable(Path.of(candidate.getPath()));
    }
}
