package dev.openesc.server.http;

import dev.openesc.server.EscServer;
import dev.openesc.server.RunningServer;
import dev.openesc.server.ServerConfig;
import dev.openesc.server.crypto.LocalMasterKey;
import dev.openesc.server.store.DatabaseOptions;
import dev.openesc.server.store.DatabaseUrl;
import dev.openesc.server.store.Role;
import dev.openesc.server.store.SessionPolicy;
import dev.openesc.server.store.Storage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A started server for the administration tests, on SQLite in its data folder or on a PostgreSQL URL, with
 * people around the first admin: {@code mallory} administers {@code other-org}, {@code bob} and {@code dave}
 * belong to no organization yet. Every one of them has a token.
 */
final class AdminServer implements AutoCloseable {

    static final String ORG = ServerConfig.DEFAULT_ADMIN_ORG;
    static final String OTHER_ORG = "other-org";

    final RunningServer server;
    final String admin;
    final String mallory;
    final String bob;
    final String dave;
    private final HttpClient http = HttpClient.newHttpClient();

    private AdminServer(RunningServer server, String admin, Map<String, String> tokens) {
        this.server = server;
        this.admin = admin;
        this.mallory = tokens.get("mallory");
        this.bob = tokens.get("bob");
        this.dave = tokens.get("dave");
    }

    /** @param databaseUrl a PostgreSQL JDBC URL, or null for SQLite in {@code dataDir} */
    static AdminServer start(Path dataDir, String databaseUrl) {
        ServerConfig config = ServerConfig.at(dataDir).withListen("127.0.0.1", 0);
        if (databaseUrl != null) {
            config = config.withDatabaseUrl(databaseUrl);
        }
        RunningServer server = EscServer.start(config,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        String url = databaseUrl != null ? databaseUrl
                : DatabaseUrl.sqliteFile(dataDir.resolve(EscServer.DATABASE_FILE)).jdbcUrl();
        try (Storage storage = Storage.open(url, LocalMasterKey.loadOrCreate(dataDir.resolve(EscServer.MASTER_KEY_FILE)),
                SessionPolicy.defaults(), DatabaseOptions.defaults())) {
            String admin = Files.readString(dataDir.resolve(EscServer.ADMIN_TOKEN_FILE)).strip();
            storage.identity().createOrganization(OTHER_ORG);
            Map<String, String> tokens = new java.util.HashMap<>();
            for (String login : new String[] {"mallory", "bob", "dave"}) {
                storage.identity().createUser(login, login.substring(0, 1).toUpperCase() + login.substring(1), null);
                tokens.put(login, storage.identity().issueToken(login, "test", null).secret());
            }
            storage.identity().setMember(OTHER_ORG, "mallory", Role.ADMIN);
            return new AdminServer(server, admin, tokens);
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    HttpResponse<String> call(String token, String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "token " + token);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
