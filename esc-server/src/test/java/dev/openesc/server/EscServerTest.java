package dev.openesc.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The bootstrap: configuration from flags, environment and defaults, and what a first start leaves behind. */
class EscServerTest {

    private static final Path HOME = Path.of("/home/someone");

    @Test
    void defaultsListenOnLoopback8080WithDataUnderTheHome() {
        ServerConfig config = ServerConfig.resolve(List.of(), Map.of(), HOME);
        assertThat(config.host()).isEqualTo("127.0.0.1");
        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.dataDir()).isEqualTo(HOME.resolve(".esc/server"));
        assertThat(config.databaseUrl()).isNull();
        assertThat(config.effectivePublicUrl(8080)).isEqualTo("http://127.0.0.1:8080");
    }

    @Test
    void environmentVariablesOverrideDefaultsAndFlagsOverrideBoth() {
        Map<String, String> env = Map.of("ESC_LISTEN", "0.0.0.0:9000", "ESC_HOME", "/srv/esc",
                "ESC_DATABASE_URL", "postgres://esc@db/esc", "ESC_PUBLIC_URL", "https://esc.example.test/");
        ServerConfig fromEnv = ServerConfig.resolve(List.of(), env, HOME);
        assertThat(fromEnv.host()).isEqualTo("0.0.0.0");
        assertThat(fromEnv.port()).isEqualTo(9000);
        assertThat(fromEnv.dataDir()).isEqualTo(Path.of("/srv/esc/server"));
        assertThat(fromEnv.databaseUrl()).isEqualTo("postgres://esc@db/esc");
        assertThat(fromEnv.effectivePublicUrl(9000)).isEqualTo("https://esc.example.test");

        ServerConfig fromFlags = ServerConfig.resolve(List.of("--listen", "[::1]:0", "--data-dir=/tmp/d",
                "--database", "/tmp/d/other.db", "--public-url", "http://here"), env, HOME);
        assertThat(fromFlags.host()).isEqualTo("::1");
        assertThat(fromFlags.port()).isZero();
        assertThat(fromFlags.dataDir()).isEqualTo(Path.of("/tmp/d"));
        assertThat(fromFlags.databaseUrl()).isEqualTo("/tmp/d/other.db");
        assertThat(fromFlags.effectivePublicUrl(1)).isEqualTo("http://here");
    }

    @Test
    void badFlagsAreExplained() {
        assertThatThrownBy(() -> ServerConfig.resolve(List.of("--port", "1"), Map.of(), HOME))
                .hasMessageContaining("unknown option --port");
        assertThatThrownBy(() -> ServerConfig.resolve(List.of("--listen", "localhost"), Map.of(), HOME))
                .hasMessageContaining("host:port");
        assertThatThrownBy(() -> ServerConfig.resolve(List.of("--listen"), Map.of(), HOME))
                .hasMessageContaining("needs a value");
    }

    @Test
    void firstStartCreatesTheAdminAndAPrivateTokenFileOnceAndTheTokenWorks(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("server");
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        String token;
        try (RunningServer server = EscServer.start(ServerConfig.at(data).withListen("127.0.0.1", 0),
                new PrintStream(first, true, StandardCharsets.UTF_8))) {
            Path tokenFile = data.resolve(EscServer.ADMIN_TOKEN_FILE);
            token = Files.readString(tokenFile).strip();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve(EscServer.MASTER_KEY_FILE))))
                    .isEqualTo("rw-------");
            // the database holds the wrapped data keys: owner only too, and so are SQLite's -wal and -shm beside it
            for (String name : List.of(EscServer.DATABASE_FILE, EscServer.DATABASE_FILE + "-wal",
                    EscServer.DATABASE_FILE + "-shm")) {
                if (name.equals(EscServer.DATABASE_FILE) || Files.exists(data.resolve(name))) {
                    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve(name))))
                            .as(name).isEqualTo("rw-------");
                }
            }
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
            assertThat(data.resolve(EscServer.DATABASE_FILE)).exists();
            String printed = first.toString(StandardCharsets.UTF_8);
            assertThat(printed).contains("esc login " + server.publicUrl()).contains(tokenFile.toString())
                    .doesNotContain(token);
            assertThat(get(server, "/api/user", token).body()).contains("\"githubLogin\":\"admin\"");
        }
        ByteArrayOutputStream second = new ByteArrayOutputStream();
        try (RunningServer server = EscServer.start(ServerConfig.at(data).withListen("127.0.0.1", 0),
                new PrintStream(second, true, StandardCharsets.UTF_8))) {
            assertThat(second.toString(StandardCharsets.UTF_8)).isEmpty();
            assertThat(Files.readString(data.resolve(EscServer.ADMIN_TOKEN_FILE)).strip()).isEqualTo(token);
            assertThat(get(server, "/api/user", token).statusCode()).isEqualTo(200);
            assertThat(get(server, "/readyz", null).statusCode()).isEqualTo(200);
        }
    }

    private static HttpResponse<String> get(RunningServer server, String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        if (token != null) {
            request.header("Authorization", "token " + token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
