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
import java.util.function.UnaryOperator;

/**
 * A real server for a test: {@link EscServer#start} on SQLite in a temporary folder (or on the PostgreSQL URL
 * the adjusted configuration names), port 0, with the
 * admin token it wrote, plus a second user in a second organization for the rights tests, and an HTTP
 * client to call it.
 */
final class RestServer implements AutoCloseable {

    static final String ORG = ServerConfig.DEFAULT_ADMIN_ORG;
    static final String OTHER_ORG = "other-org";

    final Path dataDir;
    final RunningServer server;
    final String adminToken;
    final String otherToken;
    final String firstStartOutput;
    private final HttpClient http = HttpClient.newHttpClient();

    private RestServer(Path dataDir, RunningServer server, String adminToken, String otherToken, String output) {
        this.dataDir = dataDir;
        this.server = server;
        this.adminToken = adminToken;
        this.otherToken = otherToken;
        this.firstStartOutput = output;
    }

    static RestServer start(Path dataDir) {
        return start(dataDir, c -> c);
    }

    /** A restart on a data folder a previous {@link #start} set up (no second user is added). */
    static RestServer startExisting(Path dataDir) {
        RunningServer server = EscServer.start(ServerConfig.at(dataDir).withListen("127.0.0.1", 0),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try {
            String admin = Files.readString(dataDir.resolve(EscServer.ADMIN_TOKEN_FILE)).strip();
            return new RestServer(dataDir, server, admin, null, "");
        } catch (IOException e) {
            server.close();
            throw new UncheckedIOException(e);
        }
    }

    static RestServer start(Path dataDir, UnaryOperator<ServerConfig> adjust) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ServerConfig config = adjust.apply(ServerConfig.at(dataDir).withListen("127.0.0.1", 0));
        RunningServer server = EscServer.start(config, new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            String admin = Files.readString(dataDir.resolve(EscServer.ADMIN_TOKEN_FILE)).strip();
            String other;
            // A second user in a second organization, through the store (the API has no user admin yet).
            String jdbcUrl = config.databaseUrl() == null
                    ? DatabaseUrl.sqliteFile(dataDir.resolve(EscServer.DATABASE_FILE)).jdbcUrl()
                    : DatabaseUrl.parse(config.databaseUrl()).jdbcUrl();
            try (Storage storage = Storage.open(jdbcUrl,
                    LocalMasterKey.loadOrCreate(dataDir.resolve(EscServer.MASTER_KEY_FILE)), SessionPolicy.defaults(),
                    DatabaseOptions.defaults())) {
                storage.identity().createUser("mallory", "Mallory", null);
                storage.identity().createOrganization(OTHER_ORG);
                storage.identity().setMember(OTHER_ORG, "mallory", Role.ADMIN);
                other = storage.identity().issueToken("mallory", "test", null).secret();
            }
            return new RestServer(dataDir, server, admin, other, out.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            server.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    /** Sends a request as the admin. */
    HttpResponse<String> call(String method, String path, String body, String... headers) {
        return callWith(adminToken, method, path, body, headers);
    }

    /**
     * Sends a request on a new connection: for requests Jetty refuses at the protocol level, after which it
     * closes the connection, so that a pooled connection it is closing is never reused for the next one.
     */
    HttpResponse<String> callAlone(String method, String path, String body) {
        return send(HttpClient.newHttpClient(), adminToken, method, path, body);
    }

    HttpResponse<String> callWith(String token, String method, String path, String body, String... headers) {
        return send(http, token, method, path, body, headers);
    }

    private HttpResponse<String> send(HttpClient client, String token, String method, String path, String body,
                                      String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "token " + token);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Map<String, Object> json(HttpResponse<String> response) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = Json.MAPPER.readValue(response.body(), Map.class);
            return map;
        } catch (IOException e) {
            throw new AssertionError("not a JSON object: " + response.body(), e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
