package dev.openesc.server;

import dev.openesc.api.EscService;
import dev.openesc.providers.BuiltinProviders;
import dev.openesc.server.crypto.LocalMasterKey;
import dev.openesc.server.http.HttpApi;
import dev.openesc.server.http.HttpSettings;
import dev.openesc.server.oidc.Oidc;
import dev.openesc.server.oidc.OidcIssuer;
import dev.openesc.server.oidc.RotationPolicy;
import dev.openesc.server.store.Database;
import dev.openesc.server.store.DatabaseOptions;
import dev.openesc.server.store.DatabaseUrl;
import dev.openesc.server.store.ExclusiveJob;
import dev.openesc.server.store.IssuedToken;
import dev.openesc.server.store.Storage;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The server process: wires storage, the master key, the in-process service and the REST layer with
 * plain constructors. {@link #start} is what tests and the CLI's {@code esc server} call; {@link #main}
 * is the same from a command line, running until the process is told to stop.
 */
public final class EscServer {

    /** The SQLite file inside the data folder. */
    public static final String DATABASE_FILE = "esc.db";
    public static final String MASTER_KEY_FILE = "master.key";
    public static final String ADMIN_TOKEN_FILE = "admin-token";
    /** Seconds a request waits for a database connection before it is answered 503. */
    public static final String CONNECTION_TIMEOUT_VARIABLE = "ESC_DATABASE_CONNECTION_TIMEOUT";

    /**
     * How often each replica tries the background jobs (key rotation, session purge); their leases outlive
     * a few missed runs, so another replica takes over about five minutes after the holder died.
     */
    private static final Duration BACKGROUND_EVERY = Duration.ofMinutes(1);
    private static final Duration BACKGROUND_LEASE = Duration.ofMinutes(5);

    private EscServer() {
    }

    /** {@link #start(ServerConfig, PrintStream)} printing to standard output. */
    public static RunningServer start(ServerConfig config) {
        return start(config, System.out);
    }

    /**
     * Starts a server as configured: creates the data folder (owner-only), opens and migrates the
     * database, generates the master key on first use, creates the admin user, organization and token on
     * an empty store, then listens.
     *
     * @param out where to print how to log in after a first start (System.out from a command line)
     */
    public static RunningServer start(ServerConfig config, PrintStream out) {
        Logger log = LoggerFactory.getLogger(EscServer.class);
        Path dataDir = config.dataDir().toAbsolutePath();
        createPrivateDirectory(dataDir);
        LocalMasterKey masterKey = LocalMasterKey.resolve(config.environment(), dataDir.resolve(MASTER_KEY_FILE));
        DatabaseUrl url = config.databaseUrl() == null
                ? DatabaseUrl.sqliteFile(dataDir.resolve(DATABASE_FILE)) : DatabaseUrl.parse(config.databaseUrl());
        Storage storage = Storage.on(Database.open(url, databaseOptions(config)), masterKey, config.sessions());
        HttpApi http = null;
        BackgroundJobs background = null;
        try {
            Optional<IssuedToken> admin = storage.identity().bootstrap(ServerConfig.DEFAULT_ADMIN_LOGIN,
                    "Administrator", config.adminOrg());
            IssuerTokens tokens = new IssuerTokens();
            BuiltinProviders providers = new BuiltinProviders(config.providers(), tokens, storage.database().clock());
            EscService service = ServiceWiring.service(storage, config, providers);
            PrometheusMeterRegistry registry = metrics();
            HttpSettings settings = new HttpSettings(config.host(), config.port(), config.maxBodyBytes(),
                    config.stopTimeout());
            AtomicReference<OidcIssuer> issuer = new AtomicReference<>();
            http = HttpApi.start(service, settings, () -> ready(storage), registry, issuer::get);
            String publicUrl = config.effectivePublicUrl(http.port());
            Oidc oidc = Oidc.over(storage.signingKeys(), storage.database().clock(), publicUrl,
                    RotationPolicy.defaults());
            background = startBackgroundJobs(oidc, storage, registry);
            issuer.set(oidc.issuer());
            tokens.bind(oidc.tokens());
            log.atInfo().addKeyValue("url", publicUrl).addKeyValue("database", url.dialect())
                    .addKeyValue("data", dataDir).log("server started");
            admin.ifPresent(token -> announceAdmin(dataDir, token, publicUrl, config.adminOrg(), out));
            HttpApi started = http;
            BackgroundJobs scheduled = background;
            AtomicBoolean closed = new AtomicBoolean();
            return new RunningServer(http.port(), publicUrl, dataDir.toString(), () -> {
                if (!closed.compareAndSet(false, true)) {
                    return;
                }
                try {
                    scheduled.close();
                    started.close();
                } finally {
                    storage.close();
                    registry.close();
                    log.info("server stopped");
                }
            });
        } catch (RuntimeException e) {
            if (background != null) {
                background.abandon();
            }
            if (http != null) {
                http.close();
            }
            storage.close();
            throw e;
        }
    }

    /** Runs a server from the command line until the process is stopped (SIGTERM or Ctrl-C). */
    public static void main(String[] args) {
        // Our own Logback setup, unless the launcher chose one; set before the first logger exists.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "openesc-server-logback.xml");
        }
        ServerConfig config;
        try {
            config = ServerConfig.resolve(Arrays.asList(args), System.getenv(), Path.of(System.getProperty("user.home")));
        } catch (IllegalArgumentException e) {
            System.err.println("esc server: " + e.getMessage());
            System.exit(2);
            return;
        }
        RunningServer server = start(config, System.out);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            LoggingShutdown.stop();
            stopped.countDown();
        }, "esc-server-shutdown"));
        System.out.println("OpenESC server listening on " + server.publicUrl());
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Runs the key rotation step once now (so that a new store has a signing key before the first token),
     * then schedules it and the purge of expired open sessions, each under a lease shared by the replicas
     * of one database.
     */
    private static BackgroundJobs startBackgroundJobs(Oidc oidc, Storage storage, MeterRegistry registry) {
        String holder = replicaName();
        ExclusiveJob rotation = oidc.rotation().job(storage.leases(), holder, BACKGROUND_LEASE);
        rotation.runIfHolder();
        ExclusiveJob purge = storage.sessions().purgeJob(storage.leases(), holder, BACKGROUND_LEASE);
        return BackgroundJobs.start(List.of(new BackgroundJobs.Scheduled(rotation, BACKGROUND_EVERY),
                new BackgroundJobs.Scheduled(purge, BACKGROUND_EVERY)), registry);
    }

    /**
     * The pool's settings; {@code ESC_DATABASE_CONNECTION_TIMEOUT} (seconds, e.g. {@code 2.5}) overrides how
     * long a request waits for a connection before it is answered 503.
     */
    private static DatabaseOptions databaseOptions(ServerConfig config) {
        String timeout = config.environment().get(CONNECTION_TIMEOUT_VARIABLE);
        if (timeout == null || timeout.isBlank()) {
            return DatabaseOptions.defaults();
        }
        try {
            long millis = new java.math.BigDecimal(timeout.strip()).movePointRight(3).longValueExact();
            return DatabaseOptions.defaults().withConnectionTimeout(Duration.ofMillis(millis));
        } catch (ArithmeticException | IllegalArgumentException e) {
            throw new IllegalArgumentException(CONNECTION_TIMEOUT_VARIABLE + " must be a number of seconds of at"
                    + " least 0.25 (got " + timeout + ")", e);
        }
    }

    private static String replicaName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "replica";
        }
        return host + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static boolean ready(Storage storage) {
        try {
            return storage.database().read(connection -> connection.isValid(2));
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static PrometheusMeterRegistry metrics() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        return registry;
    }

    /**
     * Writes the first admin token to {@code <data>/admin-token}, readable by its owner only, and tells
     * the operator where it is; the token itself is never printed or logged.
     */
    private static void announceAdmin(Path dataDir, IssuedToken token, String publicUrl, String org, PrintStream out) {
        Path file = dataDir.resolve(ADMIN_TOKEN_FILE);
        writePrivateFile(file, token.secret() + "\n");
        out.println("Created the administrator 'admin' and the organization '" + org + "'.");
        out.println("Its access token is in " + file + " (readable only by you). To log in:");
        out.println("  esc login " + publicUrl + " --token \"$(cat " + file + ")\"");
    }

    private static void createPrivateDirectory(Path dir) {
        try {
            if (Files.isDirectory(dir)) {
                return;
            }
            if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data folder " + dir, e);
        }
    }

    private static void writePrivateFile(Path file, String text) {
        try {
            Files.deleteIfExists(file);
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
        } catch (FileAlreadyExistsException e) {
            throw new UncheckedIOException("another process is writing " + file, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
