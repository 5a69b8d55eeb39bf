package dev.openesc.server;

import dev.openesc.server.http.HttpSettings;
import dev.openesc.server.store.SessionPolicy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Everything {@link EscServer#start} needs. Built from flags, then {@code ESC_*} environment variables,
 * then defaults ({@link #resolve}); tests build it directly.
 *
 * @param host        address to listen on; {@code 127.0.0.1} by default
 * @param port        port to listen on; 8080 by default, 0 for any free port
 * @param dataDir     the server's folder: SQLite database, master key, admin token
 * @param databaseUrl PostgreSQL (or SQLite) URL; null for SQLite in {@code dataDir}
 * @param publicUrl   what clients reach the server at; null for {@code http://<host>:<port>}
 * @param adminOrg    the organization created with the admin user on the first start
 * @param environment the process environment, for the master key ({@code ESC_MASTER_KEY},
 *                    {@code ESC_MASTER_KEY_FILE})
 */
public record ServerConfig(String host, int port, Path dataDir, String databaseUrl, String publicUrl,
                           String adminOrg, long maxBodyBytes, Duration stopTimeout, SessionPolicy sessions,
                           Map<String, String> environment) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;
    public static final String DEFAULT_ADMIN_LOGIN = "admin";
    public static final String DEFAULT_ADMIN_ORG = "admin";

    public ServerConfig {
        environment = Map.copyOf(environment);
    }

    /** A server on {@code dataDir} with every other setting at its default: what tests start from. */
    public static ServerConfig at(Path dataDir) {
        return new ServerConfig(DEFAULT_HOST, DEFAULT_PORT, dataDir, null, null, DEFAULT_ADMIN_ORG,
                HttpSettings.DEFAULT_MAX_BODY, Duration.ofSeconds(20), SessionPolicy.defaults(), Map.of());
    }

    public ServerConfig withListen(String newHost, int newPort) {
        return new ServerConfig(newHost, newPort, dataDir, databaseUrl, publicUrl, adminOrg, maxBodyBytes,
                stopTimeout, sessions, environment);
    }

    public ServerConfig withDatabaseUrl(String url) {
        return new ServerConfig(host, port, dataDir, url, publicUrl, adminOrg, maxBodyBytes, stopTimeout,
                sessions, environment);
    }

    public ServerConfig withMaxBodyBytes(long limit) {
        return new ServerConfig(host, port, dataDir, databaseUrl, publicUrl, adminOrg, limit, stopTimeout,
                sessions, environment);
    }

    public ServerConfig withStopTimeout(Duration timeout) {
        return new ServerConfig(host, port, dataDir, databaseUrl, publicUrl, adminOrg, maxBodyBytes, timeout,
                sessions, environment);
    }

    public ServerConfig withEnvironment(Map<String, String> env) {
        return new ServerConfig(host, port, dataDir, databaseUrl, publicUrl, adminOrg, maxBodyBytes, stopTimeout,
                sessions, env);
    }

    /**
     * The configuration a command line asks for: {@code --listen host:port}, {@code --data-dir},
     * {@code --database}, {@code --public-url}, each falling back to {@code ESC_LISTEN},
     * {@code $ESC_HOME/server}, {@code ESC_DATABASE_URL}, {@code ESC_PUBLIC_URL}, then the defaults.
     *
     * @throws IllegalArgumentException for an unknown flag or a malformed value (the message says which)
     */
    public static ServerConfig resolve(List<String> args, Map<String, String> env, Path userHome) {
        Map<String, String> flags = flags(args);
        String listen = first(flags.get("--listen"), env.get("ESC_LISTEN"), DEFAULT_HOST + ":" + DEFAULT_PORT);
        String dataDir = first(flags.get("--data-dir"), env.get("ESC_DATA_DIR"), null);
        Path data = dataDir != null ? Path.of(dataDir)
                : Path.of(first(env.get("ESC_HOME"), null, userHome.resolve(".esc").toString())).resolve("server");
        String database = first(flags.get("--database"), env.get("ESC_DATABASE_URL"), env.get("ESC_DATABASE"));
        String publicUrl = first(flags.get("--public-url"), env.get("ESC_PUBLIC_URL"), null);
        String adminOrg = first(flags.get("--admin-org"), env.get("ESC_ADMIN_ORG"), DEFAULT_ADMIN_ORG);
        int colon = listen.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("--listen must be host:port, e.g. 127.0.0.1:8080 (got " + listen + ")");
        }
        String host = listen.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(listen.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--listen must end in a port number (got " + listen + ")");
        }
        return new ServerConfig(host.isEmpty() ? "0.0.0.0" : host, port, data, blankToNull(database),
                blankToNull(publicUrl), adminOrg, HttpSettings.DEFAULT_MAX_BODY, Duration.ofSeconds(20),
                SessionPolicy.defaults(), env);
    }

    /** The URL clients reach the server at: the configured one, or the listen address. */
    public String effectivePublicUrl(int boundPort) {
        if (publicUrl != null) {
            return publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        }
        String shownHost = host.contains(":") ? "[" + host + "]" : host;
        return "http://" + shownHost + ":" + boundPort;
    }

    private static Map<String, String> flags(List<String> args) {
        List<String> known = List.of("--listen", "--data-dir", "--database", "--public-url", "--admin-org");
        Map<String, String> out = new java.util.HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            if (!known.contains(name)) {
                throw new IllegalArgumentException("unknown option " + name + " (known: " + String.join(", ", known) + ")");
            }
            if (value == null) {
                if (i + 1 >= args.size()) {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                value = args.get(++i);
            }
            out.put(name, value);
        }
        return out;
    }

    private static String first(String a, String b, String c) {
        if (a != null && !a.isBlank()) {
            return a;
        }
        if (b != null && !b.isBlank()) {
            return b;
        }
        return c;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
