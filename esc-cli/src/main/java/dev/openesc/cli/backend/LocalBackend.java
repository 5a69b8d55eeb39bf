package dev.openesc.cli.backend;

import dev.openesc.api.Caller;
import dev.openesc.api.EnvironmentRef;
import dev.openesc.api.Names;
import dev.openesc.api.OpenedEnvironment;
import dev.openesc.cli.EscException;
import dev.openesc.cli.Workspace;
import dev.openesc.core.provider.ProviderLoader;
import dev.openesc.providers.BuiltinProviders;
import dev.openesc.providers.ProviderSettings;
import dev.openesc.providers.identity.IdentityTokens;
import dev.openesc.server.crypto.AesGcmDecryption;
import dev.openesc.server.crypto.LocalMasterKey;
import dev.openesc.server.service.AccessPolicy;
import dev.openesc.server.service.LocalEscService;
import dev.openesc.server.service.ServiceLimits;
import dev.openesc.server.store.Database;
import dev.openesc.server.store.DatabaseOptions;
import dev.openesc.server.store.Role;
import dev.openesc.server.store.SessionPolicy;
import dev.openesc.server.store.Storage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The embedded backend: the server's own service in-process, over SQLite in {@code $ESC_HOME/esc.db}, secrets
 * encrypted under {@code $ESC_HOME/master.key} (made on first use, mode 0600; {@code ESC_MASTER_KEY} or
 * {@code ESC_MASTER_KEY_FILE} override it). One local user, named {@code $ESC_LOCAL_USER} or after the OS user,
 * with an organization of the same name as default; other organizations are created on first use and the local
 * user administers them all.
 */
public final class LocalBackend {
    /** Where the backend says it is, in messages. */
    public static final String URL = "local";
    /** How the local backend decrypts stored keys (StartupWarmup warms the same). */
    public static final AesGcmDecryption DECRYPTION = AesGcmDecryption.LIGHTWEIGHT;

    private LocalBackend() {}

    /**
     * What the local backend cannot do: it has no public URL, so no cloud can fetch the keys of an issuer; static
     * logins work, OIDC logins say where to go instead.
     */
    static final String NO_ISSUER = "OIDC logins need a server that clouds can reach as their token issuer: run"
            + " `esc server` (with --public-url) and `esc login` to it, then open the environment there";

    public static Backend open(Workspace workspace) {
        return open(workspace, new FirstUseProviders(new Builtin()));
    }

    public static Backend open(Workspace workspace, ProviderLoader providers) {
        Service local = start(workspace.home(), workspace.environ(), providers);
        return local.backend(new Closing(local.storage()));
    }

    // The small classes below stand for lambdas and method references on every command's start-up path, each of
    // which would be linked by a bootstrap of its own the first time it runs (docs/decisions.md 25).

    /** The built-in providers, made on first use. */
    private static final class Builtin implements Supplier<ProviderLoader> {
        @Override
        public ProviderLoader get() {
            return new BuiltinProviders(ProviderSettings.defaults(), IdentityTokens.unavailable(NO_ISSUER),
                    Clock.systemUTC());
        }
    }

    /** Closes the storage when the backend is closed. */
    private record Closing(Storage storage) implements Runnable {
        @Override
        public void run() {
            storage.close();
        }
    }

    /** Creates an organization on first use, administered by the local user. */
    private record Provisioning(Storage storage, String login) implements Consumer<String> {
        @Override
        public void accept(String org) {
            provision(storage, login, org);
        }
    }

    /** Opens in-process, storing no session (docs/decisions.md 17). */
    private record InProcess(LocalEscService service) implements ServiceBackend.Opener {
        @Override
        public OpenedEnvironment open(Caller caller, EnvironmentRef environment, String version, Duration lifetime) {
            return service.openEnvironmentInProcess(caller, environment, version, lifetime);
        }
    }

    /** The local service, open: a test can hand out several backends over one database. */
    public record Service(LocalEscService service, Storage storage, String login) {
        /** A backend acting for the local user; {@code onClose} runs when the backend is closed. */
        public Backend backend(Runnable onClose) {
            return new ServiceBackend(service, service.localCaller(login), URL, onClose,
                    new Provisioning(storage, login), login, new InProcess(service));
        }

        /** Creates {@code org} now if it does not exist, administered by the local user. */
        public void provision(String org) {
            LocalBackend.provision(storage, login, org);
        }
    }

    /** Opens the database and master key in {@code home} (creating them on first use) and the service on them. */
    public static Service start(Path home, java.util.Map<String, String> environ, ProviderLoader providers) {
        try {
            Files.createDirectories(home, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
            Path db = home.resolve("esc.db");
            if (!Files.exists(db)) {
                // The database holds the organizations' wrapped data keys: owner only, like the master key.
                Files.createFile(db, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rw-------")));
            }
        } catch (IOException e) {
            throw new EscException("cannot create " + home + ": " + e.getMessage());
        }
        // Decryption without the JDK's provider start: a command runs C1 only and decrypts a few secrets once
        // (docs/decisions.md 23).
        LocalMasterKey key = LocalMasterKey.resolve(environ, home.resolve("master.key"))
                .decryptingWith(DECRYPTION);
        // No connection pool: a command is one short sequence of queries, and a pool's start-up cost more than them.
        Storage storage = Storage.on(Database.openUnpooled(home.resolve("esc.db").toString(),
                DatabaseOptions.defaults()), key, SessionPolicy.defaults(), DECRYPTION);
        try {
            String login = localUser(environ);
            // Every command after the first finds all three: one query then, three (and the writes) otherwise.
            if (!storage.identity().memberExists(login, login)) {
                if (storage.identity().user(login).isEmpty()) {
                    storage.identity().createUser(login, login, null);
                }
                provision(storage, login, login);
            }
            LocalEscService service = new LocalEscService(storage, providers, AccessPolicy.defaults(),
                    ServiceLimits.defaults());
            return new Service(service, storage, login);
        } catch (RuntimeException e) {
            storage.close();
            throw e;
        }
    }

    /** Makes {@code org} if it does not exist yet, administered by the local user. */
    private static void provision(Storage storage, String login, String org) {
        if (!Names.isOrganization(org)) {
            return;
        }
        if (storage.identity().organization(org).isEmpty()) {
            storage.identity().createOrganization(org);
        }
        if (storage.identity().role(org, login).isEmpty()) {
            storage.identity().setMember(org, login, Role.ADMIN);
        }
    }

    static String localUser(java.util.Map<String, String> environ) {
        String user = environ.get("ESC_LOCAL_USER");
        if (user == null || user.isBlank()) {
            user = System.getProperty("user.name", "esc");
        }
        // Every character but [a-z0-9_.-] made '-', by a loop: a regular expression here was the command's first,
        // compiled and linked at every start (docs/decisions.md 25).
        String lower = user.toLowerCase(Locale.ROOT);
        StringBuilder kept = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); ) {
            int c = lower.codePointAt(i);
            boolean allowed = c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '.' || c == '-';
            kept.append(allowed ? (char) c : '-'); // one '-' per code point, as the expression did
            i += Character.charCount(c);
        }
        String cleaned = kept.toString();
        if (!Names.isOrganization(cleaned)) {
            throw new EscException("the local user name \"" + cleaned + "\" is not a valid organization name: "
                    + "set ESC_LOCAL_USER");
        }
        return cleaned;
    }
}
