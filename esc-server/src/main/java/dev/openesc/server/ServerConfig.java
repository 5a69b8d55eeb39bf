package dev.openesc.server;

import dev.openesc.providers.ProviderSettings;
import dev.openesc.server.http.HttpSettings;
import dev.openesc.server.store.SessionPolicy;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 * @param providers   where login providers reach the clouds, and how long they wait
 */
public record ServerConfig(String host, int port, Path dataDir, String databaseUrl, String publicUrl,
                           String adminOrg, long maxBodyBytes, Duration stopTimeout, SessionPolicy sessions,
                           Map<String, String> environment, ProviderSettings providers) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;
    public static final String DEFAULT_ADMIN_LOGIN = "admin";
    public static final String DEFAULT_ADMIN_ORG = "admin";

    private static final Pattern TIMEOUT = Pattern.compile("(\\d{1,9})(ms|s|m|)");

    public ServerConfig {
        environment = Map.copyOf(environment);
    }

    /** A server on {@code dataDir} with every other setting at its default: what tests start from. */
    public static ServerConfig at(Path dataDir) {
        return new ServerConfig(DEFAULT_HOST, DEFAULT_PORT, dataDir, null, null, DEFAULT_ADMIN_ORG,
                HttpSettings.DEFAULT_MAX_BODY, Duration.ofSeconds(20), SessionPolicy.defaults(), Map.of(),
                ProviderSettings.defaults());
    }

    public ServerConfig withListen(String newHost, int newPort) {
        return new ServerConfig(newHost, newPort, dataDir, databaseUrl, publicUrl, adminOrg, maxBodyBytes,
                stopTimeout, sessions, environment, providers);
    }

    public ServerConfig withDatabaseUrl(String url) {
        return new ServerConfig(host, port, dataDir, url, publicUrl, adminOrg, maxBodyBytes, stopTimeout,
                sessions, environment, providers);
    }

    public ServerConfig withMaxBodyBytes(long limit) {
        return new ServerConfig(host, port, dataDir, databaseUrl, publicUrl, adminOrg, limit, stopTimeout,
                sessions, environment, providers);
    }

    public ServerConfig withStopTimeout(Duration timeout) {
        return new ServerConfig(host, port, dataDir, databaseUrl, publicUrl, adminOrg, maxBodyBytes, timeout,
                sessions, environment, providers);
    }

    public ServerConfig withProviders(ProviderSettings settings) {
        return new ServerConfig(host, port, dataDir, databaseUrl, publicUrl, adminOrg, maxBodyBytes, stopTimeout,
                sessions, environment, settings);
    }

    public ServerConfig withEnvironment(Map<String, String> env) {
        return new ServerConfig(host, port, dataDir, databaseUrl, publicUrl, adminOrg, maxBodyBytes, stopTimeout,
                sessions, env, providers);
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
                SessionPolicy.defaults(), env, providerSettings(flags, env));
    }

    /**
     * The provider endpoints and timeout: {@code --aws-sts-endpoint}, {@code --aws-region},
     * {@code --azure-authority-host}, {@code --gcp-sts-endpoint}, {@code --gcp-iam-endpoint},
     * {@code --vault-address}, {@code --provider-timeout}, {@code --azure-audience}, each falling back to its {@code ESC_*} variable.
     */
    private static ProviderSettings providerSettings(Map<String, String> flags, Map<String, String> env) {
        ProviderSettings defaults = ProviderSettings.defaults();
        return new ProviderSettings(
                endpoint(flags, env, "--aws-sts-endpoint", "ESC_AWS_STS_ENDPOINT"),
                first(flags.get("--aws-region"), env.get("ESC_AWS_REGION"), defaults.awsRegion()),
                endpoint(flags, env, "--azure-authority-host", "ESC_AZURE_AUTHORITY_HOST"),
                endpoint(flags, env, "--gcp-sts-endpoint", "ESC_GCP_STS_ENDPOINT"),
                endpoint(flags, env, "--gcp-iam-endpoint", "ESC_GCP_IAM_ENDPOINT"),
                endpoint(flags, env, "--vault-address", "ESC_VAULT_ADDRESS"),
                timeout(first(flags.get("--provider-timeout"), env.get("ESC_PROVIDER_TIMEOUT"), null),
                        defaults.requestTimeout()),
                Optional.ofNullable(blankToNull(first(flags.get("--azure-audience"), env.get("ESC_AZURE_AUDIENCE"),
                        null))));
    }

    private static Optional<URI> endpoint(Map<String, String> flags, Map<String, String> env, String flag,
                                          String variable) {
        String text = first(flags.get(flag), env.get(variable), null);
        if (text == null) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(text.strip());
            if (uri.getScheme() == null || uri.getHost() == null
                    || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                throw new URISyntaxException(text, "not an http(s) URL with a host");
            }
            return Optional.of(uri);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(flag + " must be an http(s) URL such as https://sts.example.com (got "
                    + text + ")");
        }
    }

    /** {@code 30s}, {@code 1500ms}, {@code 2m}, or a bare number of seconds. */
    private static Duration timeout(String text, Duration fallback) {
        if (text == null) {
            return fallback;
        }
        Matcher m = TIMEOUT.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("--provider-timeout must be a duration such as 30s, 1500ms or 2m (got "
                    + text + ")");
        }
        long amount = Long.parseLong(m.group(1));
        Duration timeout = switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofSeconds(amount);
        };
        if (timeout.isZero()) {
            throw new IllegalArgumentException("--provider-timeout must be positive");
        }
        return timeout;
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
        List<String> known = List.of("--listen", "--data-dir", "--database", "--public-url", "--admin-org",
                "--aws-sts-endpoint", "--aws-region", "--azure-authority-host", "--gcp-sts-endpoint",
                "--gcp-iam-endpoint", "--vault-address", "--provider-timeout", "--azure-audience");
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
