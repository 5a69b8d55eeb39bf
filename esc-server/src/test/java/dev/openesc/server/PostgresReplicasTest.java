package dev.openesc.server;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
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
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --database} on PostgreSQL, with two replicas on one database sharing only the master key (as
 * {@code ESC_MASTER_KEY}): what one writes or opens, the other serves; the second start creates no admin.
 */
class PostgresReplicasTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void twoServersOnOnePostgresServeTheSameState(@TempDir Path one, @TempDir Path two) throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "off").start()) {
            String url = postgres.getJdbcUrl("postgres", "postgres");
            try (RunningServer first = EscServer.start(ServerConfig.at(one).withListen("127.0.0.1", 0)
                    .withDatabaseUrl(url), quiet())) {
                String token = Files.readString(one.resolve(EscServer.ADMIN_TOKEN_FILE)).strip();
                assertThat(one.resolve(EscServer.DATABASE_FILE)).doesNotExist();
                String masterKey = Files.readString(one.resolve(EscServer.MASTER_KEY_FILE)).strip();
                ByteArrayOutputStream secondOutput = new ByteArrayOutputStream();
                try (RunningServer second = EscServer.start(ServerConfig.at(two).withListen("127.0.0.1", 0)
                        .withDatabaseUrl(url).withEnvironment(Map.of("ESC_MASTER_KEY", masterKey)),
                        new PrintStream(secondOutput, true, StandardCharsets.UTF_8))) {
                    assertThat(secondOutput.toString(StandardCharsets.UTF_8)).isEmpty();
                    assertThat(two.resolve(EscServer.ADMIN_TOKEN_FILE)).doesNotExist();

                    String env = "/api/esc/environments/admin/pg/app";
                    assertThat(call(first, token, "POST", "/api/esc/environments/admin",
                            "{\"project\":\"pg\",\"name\":\"app\"}").statusCode()).isEqualTo(204);
                    assertThat(call(second, token, "PATCH", env, "values:\n  pw:\n    fn::secret: on-postgres\n")
                            .statusCode()).isEqualTo(200);
                    assertThat(call(first, token, "GET", env + "/decrypt", null).body()).contains("on-postgres");
                    String opened = call(first, token, "POST", env + "/open", null).body();
                    String id = opened.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
                    HttpResponse<String> read = call(second, token, "GET", env + "/open/" + id + "?property=pw", null);
                    assertThat(read.statusCode()).isEqualTo(200);
                    assertThat(read.body()).contains("\"value\":\"on-postgres\"");
                    assertThat(call(second, null, "GET", "/readyz", null).statusCode()).isEqualTo(200);

                    // Both publish the same keys, and a token the first signs verifies with the second's.
                    String jwks = call(first, null, "GET", "/oidc/.well-known/jwks", null).body();
                    assertThat(call(second, null, "GET", "/oidc/.well-known/jwks", null).body()).isEqualTo(jwks);
                    assertThat(call(first, token, "PATCH", env, "values:\n  token:\n    fn::open::oidc:\n"
                            + "      audience: replicas\n").statusCode()).isEqualTo(200);
                    String openedOnFirst = call(first, token, "POST", env + "/open", null).body();
                    String session = openedOnFirst.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
                    String signed = call(first, token, "GET", env + "/open/" + session + "?property=token", null)
                            .body().replaceAll(".*\"value\":\"([^\"]+)\".*", "$1");
                    SignedJWT jwt = SignedJWT.parse(signed);
                    JWKSet secondKeys = JWKSet.parse(call(second, null, "GET", "/oidc/.well-known/jwks", null).body());
                    RSAKey key = (RSAKey) secondKeys.getKeyByKeyId(jwt.getHeader().getKeyID());
                    assertThat(key).as("the signing key is in the second replica's JWKS").isNotNull();
                    assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
                    assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly("replicas");
                }
            }
        }
    }

    private HttpResponse<String> call(RunningServer server, String token, String method, String path, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "token " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }
}
