package dev.openesc.cli;

import java.security.MessageDigest;
import java.util.Set;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteJDBCLoader;

/**
 * Work every environment command needs later, done at once on a second thread while the main one parses the
 * command line: SQLite's connection settings (their date format reads the calendar and locale data, about a
 * tenth of a command's start), SQLite's native library, and the JDK's security providers (the master key's
 * fingerprint, SHA-256). None of it depends on the command line or changes anything; the main thread simply
 * finds it done (or waits for the part still running), so a command ends sooner on a machine with a core to
 * spare and costs the same on one without.
 */
final class StartupWarmup implements Runnable {
    /** The first words of the commands that open an environment, and so the local database. */
    private static final Set<String> ENVIRONMENT_COMMANDS = Set.of("env", "run", "open");

    private StartupWarmup() {}

    /** Starts the warm-up if {@code args} name an environment command. */
    static void startFor(String[] args) {
        if (args.length == 0 || !ENVIRONMENT_COMMANDS.contains(args[0])) {
            return;
        }
        Thread thread = new Thread(new StartupWarmup(), "esc-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void run() {
        try {
            new SQLiteConfig();
            SQLiteJDBCLoader.initialize();
            MessageDigest.getInstance("SHA-256");
        } catch (Exception | LinkageError e) {
            // The main thread does the same work when it needs it and reports what fails there.
        }
    }
}
