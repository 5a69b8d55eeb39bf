package dev.openesc.cli.run;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What to run and how.
 *
 * @param command the program and its arguments; the program is looked up in esc's {@code PATH}
 * @param environment variables set over esc's own environment for the child
 * @param files variable name to file content: each is written to a private temporary file whose absolute path
 *     the variable then holds (a file variable wins over an {@code environment} entry of the same name)
 * @param secrets byte strings hidden in the child's output unless {@code interactive}
 * @param interactive true to give the child the terminal untouched: no redaction
 * @param stdin what the child reads; {@code null} to let it read esc's own standard input directly
 * @param stdout where the child's output goes; {@code null} for esc's own standard output (inherited as is when
 *     {@code interactive})
 * @param stderr as {@code stdout}, for the error output
 * @param temporaryFolder where the private folder of {@code files} is made; {@code null} for the system's
 * @param directory the child's working directory; {@code null} for esc's own
 * @param releasedOnStart closed as soon as the child runs, for what esc no longer needs then (the command's
 *     backend, so that the database is closed while the child runs rather than after it); {@code null} for nothing
 */
public record RunSpec(
        List<String> command,
        Map<String, String> environment,
        Map<String, String> files,
        List<byte[]> secrets,
        boolean interactive,
        InputStream stdin,
        OutputStream stdout,
        OutputStream stderr,
        Path temporaryFolder,
        Path directory,
        AutoCloseable releasedOnStart) {

    public RunSpec {
        command = List.copyOf(command);
        if (command.isEmpty()) {
            throw new IllegalArgumentException("no command to run");
        }
        environment = Map.copyOf(environment);
        files = Map.copyOf(files);
        // Loops rather than streams and method references here and in the builder: `esc run` makes a spec at every
        // start, and each lambda is linked by a bootstrap of its own the first time it runs (docs/decisions.md 25).
        List<byte[]> copies = new ArrayList<>(secrets.size());
        for (byte[] secret : secrets) {
            copies.add(secret.clone());
        }
        secrets = List.copyOf(copies);
    }

    /**
     * Names what the spec holds without any value: arguments, variable values and file contents may all carry
     * secrets, and a spec is exactly the kind of thing that ends up in a log line.
     */
    @Override
    public String toString() {
        return "RunSpec[program=" + command.get(0) + ", arguments=" + (command.size() - 1)
                + ", variables=" + new TreeSet<>(environment.keySet()) + ", files=" + new TreeSet<>(files.keySet())
                + ", secrets=" + secrets.size() + ", interactive=" + interactive + "]";
    }

    /** Starts a spec for {@code command}: no variables, files or secrets, non-interactive, esc's own streams. */
    public static Builder of(List<String> command) {
        return new Builder(command);
    }

    /** As {@link #of(List)}. */
    public static Builder of(String... command) {
        return new Builder(List.of(command));
    }

    /** A fluent way to put a {@link RunSpec} together. */
    public static final class Builder {
        private final List<String> command;
        private final Map<String, String> environment = new LinkedHashMap<>();
        private final Map<String, String> files = new LinkedHashMap<>();
        private final List<byte[]> secrets = new ArrayList<>();
        private boolean interactive;
        private InputStream stdin;
        private OutputStream stdout;
        private OutputStream stderr;
        private Path temporaryFolder;
        private Path directory;
        private AutoCloseable releasedOnStart;

        private Builder(List<String> command) {
            this.command = List.copyOf(command);
        }

        public Builder environment(Map<String, String> variables) {
            environment.putAll(variables);
            return this;
        }

        public Builder variable(String name, String value) {
            environment.put(Objects.requireNonNull(name), Objects.requireNonNull(value));
            return this;
        }

        public Builder files(Map<String, String> contents) {
            files.putAll(contents);
            return this;
        }

        public Builder file(String variable, String content) {
            files.put(Objects.requireNonNull(variable), Objects.requireNonNull(content));
            return this;
        }

        public Builder secret(String secret) {
            secrets.add(secret.getBytes(StandardCharsets.UTF_8));
            return this;
        }

        public Builder secret(byte[] secret) {
            secrets.add(secret.clone());
            return this;
        }

        public Builder secrets(Collection<String> values) {
            for (String value : values) {
                secret(value);
            }
            return this;
        }

        public Builder interactive(boolean value) {
            interactive = value;
            return this;
        }

        public Builder stdin(InputStream in) {
            stdin = in;
            return this;
        }

        public Builder stdout(OutputStream out) {
            stdout = out;
            return this;
        }

        public Builder stderr(OutputStream err) {
            stderr = err;
            return this;
        }

        public Builder temporaryFolder(Path folder) {
            temporaryFolder = folder;
            return this;
        }

        /** The command's working directory; by default esc's own. */
        public Builder directory(Path dir) {
            directory = dir;
            return this;
        }

        /** Closed once the child has started; see {@link RunSpec#releasedOnStart()}. */
        public Builder releasedOnStart(AutoCloseable resource) {
            releasedOnStart = resource;
            return this;
        }

        public RunSpec build() {
            return new RunSpec(command, environment, files, secrets, interactive, stdin, stdout, stderr,
                    temporaryFolder, directory, releasedOnStart);
        }
    }
}
