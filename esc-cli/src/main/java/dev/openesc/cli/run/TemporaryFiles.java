package dev.openesc.cli.run;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

/**
 * The {@code files} of an environment, written out for the duration of one command.
 *
 * <p>All files live in one freshly created folder that only the current user may enter (mode 0700); each file is
 * readable and writable by that user only (mode 0600), and is written before anyone else could open it. The
 * folder and its files are removed by {@link #close()}, or by a shutdown hook if the JVM ends first (for example on
 * a SIGTERM that arrives while no handler is installed). Closing is idempotent and safe from any thread.
 *
 * <p>A file is named after its variable when the name is a plain file name, so that a listing of the folder
 * during a run is readable; other names get a numbered one.
 *
 * <p>An abrupt end of the JVM (SIGKILL, a crash) leaves the folder behind; it is private, so only its owner can read
 * what is left.
 */
public final class TemporaryFiles implements AutoCloseable {

    private static final Set<PosixFilePermission> OWNER_ONLY_FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Pattern PLAIN_FILE_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");

    private final Path folder;
    private final Map<String, Path> paths;
    private final AtomicBoolean removed = new AtomicBoolean();
    private final Thread shutdownHook;

    private TemporaryFiles(Path folder, Map<String, Path> paths) {
        this.folder = folder;
        this.paths = paths;
        this.shutdownHook = new Thread(this::removeAll, "esc-temporary-files-cleanup");
    }

    /** Writes {@code files} (variable name to UTF-8 content) under the system temporary folder. */
    public static TemporaryFiles create(Map<String, String> files) throws IOException {
        return create(files, Path.of(System.getProperty("java.io.tmpdir")));
    }

    /**
     * Writes {@code files} (variable name to UTF-8 content) into a new private folder under {@code parent}. The
     * files are created in the order of their names. On failure, whatever was written is removed again.
     */
    public static TemporaryFiles create(Map<String, String> files, Path parent) throws IOException {
        Path folder = Files.createTempDirectory(parent, "esc-run-",
                PosixFilePermissions.asFileAttribute(OWNER_ONLY_FOLDER));
        // The umask may have narrowed the mode; it cannot have widened it, but set it exactly anyway.
        Files.setPosixFilePermissions(folder, OWNER_ONLY_FOLDER);
        Map<String, Path> paths = new LinkedHashMap<>();
        TemporaryFiles created = new TemporaryFiles(folder, Collections.unmodifiableMap(paths));
        Runtime.getRuntime().addShutdownHook(created.shutdownHook);
        try {
            int index = 0;
            for (Map.Entry<String, String> file : new TreeMap<>(files).entrySet()) {
                String name = file.getKey();
                // A numbered name starts with a dot, so it can never equal a plain name.
                Path path = folder.resolve(PLAIN_FILE_NAME.matcher(name).matches() ? name : ".file-" + index);
                write(path, file.getValue().getBytes(StandardCharsets.UTF_8));
                paths.put(name, path);
                index++;
            }
        } catch (IOException | RuntimeException e) {
            created.close();
            throw e;
        }
        return created;
    }

    private static void write(Path path, byte[] content) throws IOException {
        Files.createFile(path, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
        Files.setPosixFilePermissions(path, OWNER_ONLY_FILE);
        try (OutputStream out = Files.newOutputStream(path, StandardOpenOption.WRITE)) {
            out.write(content);
        }
    }

    /** The private folder holding the files. */
    public Path folder() {
        return folder;
    }

    /** Variable name to the path of its file, in name order. */
    public Map<String, Path> paths() {
        return paths;
    }

    /** The environment variables that point at the files: variable name to absolute path. */
    public Map<String, String> variables() {
        Map<String, String> variables = new LinkedHashMap<>();
        paths.forEach((name, path) -> variables.put(name, path.toAbsolutePath().toString()));
        return variables;
    }

    /** Removes the files and their folder. Later calls do nothing. */
    @Override
    public void close() {
        removeAll();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or about to run; it will find nothing left to remove.
        }
    }

    private void removeAll() {
        if (!removed.compareAndSet(false, true)) {
            return;
        }
        // The command may have added files of its own to the folder; remove whatever is there.
        try (var entries = Files.list(folder)) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                deleteQuietly(entry);
            }
        } catch (IOException | RuntimeException e) {
            // Fall through: at least try the files we wrote, then the folder.
        }
        paths.values().forEach(TemporaryFiles::deleteQuietly);
        deleteQuietly(folder);
    }

    private static void deleteQuietly(Path path) {
        try {
            if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                try (var entries = Files.list(path)) {
                    for (Path entry : (Iterable<Path>) entries::iterator) {
                        deleteQuietly(entry);
                    }
                }
            }
            Files.deleteIfExists(path);
        } catch (IOException | RuntimeException e) {
            // Nothing more can be done; a leftover in a private folder is the best remaining outcome.
        }
    }
}
