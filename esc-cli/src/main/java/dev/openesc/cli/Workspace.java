package dev.openesc.cli;

import dev.openesc.cli.backend.Backend;
import dev.openesc.cli.login.Credentials;
import dev.openesc.cli.login.CredentialsStore;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/**
 * What every command runs against: the standard streams, the process environment, {@code $ESC_HOME}, the stored
 * credentials and the backend they select (opened on first use, closed when the command ends). Tests build one over
 * buffers and a temporary home; {@link Main} over the real process.
 */
public final class Workspace implements AutoCloseable {
    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> environ;
    private final Path home;
    private final Function<Workspace, Backend> backends;
    private Path directory = Path.of("").toAbsolutePath();
    private Backend backend;

    /**
     * @param backends opens the backend for this workspace: the local one or the server of the current login
     */
    public Workspace(InputStream in, PrintStream out, PrintStream err, Map<String, String> environ, Path home,
            Function<Workspace, Backend> backends) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.environ = Map.copyOf(environ);
        this.home = home;
        this.backends = backends;
    }

    /** {@code $ESC_HOME}, else {@code ~/.esc}. */
    public static Path homeFrom(Map<String, String> environ) {
        String h = environ.get("ESC_HOME");
        if (h != null && !h.isBlank()) {
            return Path.of(h).toAbsolutePath();
        }
        return Path.of(System.getProperty("user.home"), ".esc");
    }

    public InputStream in() {
        return in;
    }

    public PrintStream out() {
        return out;
    }

    public PrintStream err() {
        return err;
    }

    public Map<String, String> environ() {
        return environ;
    }

    public String getenv(String name) {
        return environ.get(name);
    }

    /** Resolves a file name the user gave against the working directory. */
    public Path file(String name) {
        return directory.resolve(name);
    }

    /** Sets the working directory relative file names resolve against (the process's own by default). */
    public Workspace inDirectory(Path dir) {
        this.directory = dir;
        return this;
    }

    public Path home() {
        return home;
    }

    public CredentialsStore credentialsStore() {
        return new CredentialsStore(home);
    }

    public Credentials credentials() {
        return credentialsStore().load();
    }

    public Backend backend() {
        if (backend == null) {
            backend = backends.apply(this);
        }
        return backend;
    }

    /** Drops the open backend, so the next call picks one from the credentials again (after a login). */
    public void resetBackend() {
        if (backend != null) {
            backend.close();
            backend = null;
        }
    }

    @Override
    public void close() {
        resetBackend();
    }
}
