package dev.openesc.cli;

import dev.openesc.server.crypto.OrgKeyring;
import java.security.MessageDigest;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteJDBCLoader;

/**
 * Work every environment command needs later, done at once on a second thread while the main one parses the
 * command line: SQLite's connection settings (their date format reads the calendar and locale data, about a
 * tenth of a command's start), SQLite's native library, the JDK's security providers (the master key's
 * fingerprint, SHA-256), Tink's registrations and key classes ({@link OrgKeyring#prepare}), and for the commands
 * that open an environment the JDK's AES-GCM. None of it changes anything; the main thread simply finds it done
 * (or waits for the part still running), so a command ends sooner on a machine with a core to spare and costs
 * about the same on one without.
 */
final class StartupWarmup implements Runnable {
    /** The first words of the commands that open an environment, and so the local database. */
    private static final Set<String> ENVIRONMENT_COMMANDS = Set.of("env", "run", "open");
    /** The commands that store an open session (encrypted) and decrypt the environment's secrets. */
    private static final Set<String> OPENING_COMMANDS = Set.of("run", "open");

    private final boolean opens;

    private StartupWarmup(boolean opens) {
        this.opens = opens;
    }

    /** Starts the warm-up if {@code args} name an environment command. */
    static void startFor(String[] args) {
        if (args.length == 0 || !ENVIRONMENT_COMMANDS.contains(args[0])) {
            return;
        }
        boolean opens = OPENING_COMMANDS.contains(args[0])
                || args.length > 1 && args[0].equals("env") && OPENING_COMMANDS.contains(args[1]);
        Thread thread = new Thread(new StartupWarmup(opens), "esc-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void run() {
        try {
            new SQLiteConfig();
            SQLiteJDBCLoader.initialize();
            MessageDigest.getInstance("SHA-256");
            OrgKeyring.prepare();
            if (opens) {
                // The JDK's AES-GCM on a throw-away key: its provider look-up (which loads every security provider
                // and the crypto policy) and first run. A command that decrypts nothing never needs it.
                Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
                cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(new byte[32], "AES"),
                        new GCMParameterSpec(128, new byte[12]));
                cipher.doFinal(new byte[32]);
            }
        } catch (Exception | LinkageError e) {
            // The main thread does the same work when it needs it and reports what fails there.
        }
    }
}
