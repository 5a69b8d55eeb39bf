package dev.openesc.cli;

import dev.openesc.cli.backend.LocalBackend;
import dev.openesc.cli.render.IndentedJson;
import dev.openesc.cli.run.ChildLaunchWarmup;
import dev.openesc.core.eval.EvalRequest;
import dev.openesc.core.eval.EvalResult;
import dev.openesc.core.eval.Evaluator;
import dev.openesc.core.eval.Loader;
import dev.openesc.core.provider.EnvironmentLoader;
import dev.openesc.core.provider.ProviderLoader;
import dev.openesc.core.value.ExecContext;
import dev.openesc.core.value.Value;
import dev.openesc.server.crypto.OrgKeyring;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteJDBCLoader;

/**
 * Work every environment command needs later, done at once on a second thread while the main one gets on with
 * its own: SQLite's connection settings (their date format reads the time zone, calendar and locale data, the
 * longest piece), the JDK's security providers (SHA-256, the master key's id) and Tink's registrations and key
 * classes ({@link OrgKeyring#prepare}) for the commands that may encrypt (all but {@code env get}, the opening
 * ones and the listings), the local backend's AES-GCM alone for those that only decrypt
 * ({@link OrgKeyring#prepareDecryption}: the opening ones, {@code env get --show-secrets}, after the sample below),
 * and a small evaluation ({@link #evaluateSample}). The main thread meanwhile loads SQLite's native library, the other long
 * piece. None of it changes anything; the main thread simply finds it done (or waits for the part still running),
 * so a command ends sooner on a machine with a core to spare and costs about the same on one without.
 */
final class StartupWarmup implements Runnable {
    /** The first words of the commands that open an environment, and so the local database. */
    private static final Set<String> ENVIRONMENT_COMMANDS = Set.of("env", "run", "open");
    /** The commands that open an environment and so decrypt its secrets. */
    private static final Set<String> OPENING_COMMANDS = Set.of("run", "open");

    /** Values, a string of several interpolated parts, and environment variables, like the definitions people keep. */
    private static final byte[] SAMPLE = ("values:\n  greeting: hello\n  name: world\n  both: ${greeting}-${name}\n"
            + "  count: 3\n  list: [a, b]\n  environmentVariables:\n    GREETING: ${both}\n")
            .getBytes(StandardCharsets.UTF_8);

    /** The command may write keys or secrets: Tink's set-up. */
    private final boolean mayEncrypt;
    /** The command decrypts and never encrypts: the JDK's AES-GCM alone. */
    private final boolean onlyDecrypts;
    /** The command runs a child process ({@code run}, {@code env run}): {@link ChildLaunchWarmup} last. */
    private final boolean startsChild;

    private StartupWarmup(boolean mayEncrypt, boolean onlyDecrypts, boolean startsChild) {
        this.mayEncrypt = mayEncrypt;
        this.onlyDecrypts = onlyDecrypts;
        this.startsChild = startsChild;
    }

    /** Starts the warm-up if {@code args} name an environment command: its thread, or null when none. */
    static Thread startFor(String[] args) {
        if (args.length == 0 || !ENVIRONMENT_COMMANDS.contains(args[0])) {
            return null;
        }
        boolean opens = OPENING_COMMANDS.contains(args[0])
                || args.length > 1 && args[0].equals("env") && OPENING_COMMANDS.contains(args[1]);
        // `env get` evaluates the definition without decrypting anything, unless it is to show the secrets; neither
        // it nor an open encrypts.
        boolean get = args.length > 1 && args[0].equals("env") && args[1].equals("get");
        boolean onlyDecrypts = opens || get && Arrays.asList(args).contains("--show-secrets");
        boolean runs = args[0].equals("run") || args.length > 1 && args[0].equals("env") && args[1].equals("run");
        Thread thread = new Thread(new StartupWarmup(!opens && !get && !lists(args), onlyDecrypts, runs),
                "esc-warm-up");
        thread.setDaemon(true);
        thread.start();
        // The other long piece, SQLite's native library, on this thread meanwhile: the two run side by side and
        // the main thread, which needs both, waits for neither in turn.
        try {
            SQLiteJDBCLoader.initialize();
        } catch (Exception | LinkageError e) {
            // The connection loads it again and reports what fails there.
        }
        return thread;
    }

    /**
     * {@code env ls} and {@code env version history}: they read names and revisions, no key. Tink's set-up would be
     * wasted on them, and its protocol buffers start {@code java.util.logging}, whose look-up of a logging back-end
     * opens lib/esc.jar (docs/decisions.md 22).
     */
    private static boolean lists(String[] args) {
        return args.length > 1 && args[0].equals("env")
                && (args[1].equals("ls") || args[1].equals("version") && args.length > 2 && args[2].equals("history"));
    }

    @Override
    public void run() {
        try {
            // Before the date format below reads any locale data (the main thread reads none before it needs that
            // format; if it did, it would only find CLDR first, which prints the same).
            LocaleData.preferCompatWhereSame();
            new SQLiteConfig();
            if (onlyDecrypts) {
                // The sample first: its evaluation starts the evaluator's thread, which the main thread's own
                // evaluation then finds waiting. Behind the decryption's set-up (then BouncyCastle's start, about
                // 30 ms here), the sample came too late for that, and the main thread started a second evaluation
                // thread itself, waiting for it to be scheduled on a busy machine (docs/benchmarks.md, CLI start-up,
                // round 22).
                evaluateSample();
                // Decryption goes through the local backend's AES-GCM alone (our own, docs/decisions.md 29):
                // its loading and first run, and no Tink (nor the master key's id).
                OrgKeyring.prepareDecryption(LocalBackend.DECRYPTION);
                if (startsChild) {
                    ChildLaunchWarmup.prepare();
                }
                return;
            } else if (mayEncrypt) {
                MessageDigest.getInstance("SHA-256");
                OrgKeyring.prepare();
            }
            evaluateSample();
        } catch (Exception | LinkageError e) {
            // The main thread does the same work when it needs it and reports what fails there.
        }
    }

    /**
     * Parses, evaluates and prints (as {@code env get} does) a small definition held here: the YAML parser, the
     * evaluator and its thread, and the JSON printer are then loaded and past their first runs when the main thread
     * gets to the environment it read from the database. (The local backend's opens no longer go through the wire
     * JSON, docs/decisions.md 17, so that is not warmed up.)
     */
    private static void evaluateSample() {
        Loader.Loaded loaded = Loader.load("warm-up", SAMPLE);
        EvalResult result = Evaluator.check(new EvalRequest("warm-up", loaded.decl(), null, ProviderLoader.none(),
                EnvironmentLoader.none(), ExecContext.of(Map.of())), false);
        IndentedJson.plain(Value.ofMap(result.environment().properties()), true);
    }
}
