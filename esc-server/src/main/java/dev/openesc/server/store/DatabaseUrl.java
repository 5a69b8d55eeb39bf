package dev.openesc.server.store;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where the store lives, as given on a command line or in {@code ESC_DATABASE}: a SQLite file path
 * ({@code /var/lib/esc/esc.db}, {@code sqlite:/path}, {@code jdbc:sqlite:/path}) or a PostgreSQL URL
 * ({@code postgres://user:secret@host:5432/db?sslmode=require}, {@code postgresql://...} or
 * {@code jdbc:postgresql://...}).
 *
 * @param user     user name taken out of a {@code postgres://} URL, or null
 * @param password password taken out of a {@code postgres://} URL, or null; never logged
 */
public record DatabaseUrl(Dialect dialect, String jdbcUrl, String user, String password) {

    public static DatabaseUrl parse(String text) {
        String trimmed = text.strip();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:postgresql:")) {
            return new DatabaseUrl(Dialect.POSTGRESQL, trimmed, null, null);
        }
        if (lower.startsWith("postgres://") || lower.startsWith("postgresql://")) {
            return fromPostgresUri(URI.create(trimmed));
        }
        if (lower.startsWith("jdbc:sqlite:")) {
            return new DatabaseUrl(Dialect.SQLITE, trimmed, null, null);
        }
        if (lower.startsWith("sqlite:")) {
            String path = trimmed.substring("sqlite:".length());
            if (path.startsWith("//")) {
                path = path.substring(2);
            }
            return sqliteFile(Path.of(path));
        }
        if (hasScheme(lower)) {
            throw new IllegalArgumentException("unsupported database URL scheme: " + redact(trimmed));
        }
        return sqliteFile(Path.of(trimmed));
    }

    /**
     * Whether the text starts with a URL's scheme and {@code ://} (a letter, then letters, digits, {@code +.-}). A
     * loop, not a regular expression: the CLI parses its database's path at every start (docs/decisions.md 25).
     */
    private static boolean hasScheme(String lower) {
        int end = lower.indexOf("://");
        if (end < 1 || lower.charAt(0) < 'a' || lower.charAt(0) > 'z') {
            return false;
        }
        for (int i = 1; i < end; i++) {
            char c = lower.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '.' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    public static DatabaseUrl sqliteFile(Path file) {
        return new DatabaseUrl(Dialect.SQLITE, "jdbc:sqlite:" + file.toAbsolutePath(), null, null);
    }

    /** The SQLite file, for callers that must create its directory; null for PostgreSQL or in-memory. */
    public Path sqlitePath() {
        if (dialect != Dialect.SQLITE) {
            return null;
        }
        String rest = jdbcUrl.substring("jdbc:sqlite:".length());
        int query = rest.indexOf('?');
        if (query >= 0) {
            rest = rest.substring(0, query);
        }
        if (rest.startsWith("file:")) {
            rest = rest.substring("file:".length());
        }
        if (rest.isEmpty() || rest.equals(":memory:")) {
            return null;
        }
        return Path.of(rest);
    }

    @Override
    public String toString() {
        return dialect + " " + redact(jdbcUrl) + (user == null ? "" : " as " + user);
    }

    private static DatabaseUrl fromPostgresUri(URI uri) {
        String host = uri.getHost();
        if (host == null) {
            throw new IllegalArgumentException("PostgreSQL URL without a host: " + redact(uri.toString()));
        }
        int port = uri.getPort() < 0 ? 5432 : uri.getPort();
        String database = uri.getRawPath() == null || uri.getRawPath().length() <= 1
                ? "postgres" : decode(uri.getRawPath().substring(1));
        StringBuilder jdbc = new StringBuilder("jdbc:postgresql://")
                .append(host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host)
                .append(':').append(port).append('/').append(database);
        if (uri.getRawQuery() != null && !uri.getRawQuery().isEmpty()) {
            jdbc.append('?').append(uri.getRawQuery());
        }
        String user = null;
        String password = null;
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null && !userInfo.isEmpty()) {
            int colon = userInfo.indexOf(':');
            user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            password = colon < 0 ? null : decode(userInfo.substring(colon + 1));
        }
        return new DatabaseUrl(Dialect.POSTGRESQL, jdbc.toString(), user, password);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** Hides a password in a URL so that the URL can be logged or put into an error message. */
    static String redact(String url) {
        return url.replaceAll("(://[^:/@]*:)[^@/]*@", "$1***@").replaceAll("(?i)(password=)[^&]*", "$1***");
    }
}
