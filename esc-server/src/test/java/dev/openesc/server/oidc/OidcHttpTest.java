package dev.openesc.server.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.JSONObjectUtils;
import dev.openesc.server.EscServer;
import dev.openesc.server.RunningServer;
import dev.openesc.server.ServerConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The issuer's documents as a relying party fetches them from a started server, without any token. */
class OidcHttpTest {

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aStartedServerServesItsDiscoveryDocumentAndASigningKey(@TempDir Path dataDir) throws Exception {
        try (RunningServer server = EscServer.start(ServerConfig.at(dataDir).withListen("127.0.0.1", 0),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))) {
            HttpResponse<String> discovery = get(server.publicUrl() + "/oidc/.well-known/openid-configuration");

            assertThat(discovery.statusCode()).isEqualTo(200);
            assertThat(discovery.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("application/json"));
            Map<String, Object> document = JSONObjectUtils.parse(discovery.body());
            assertThat(document).containsEntry("issuer", server.publicUrl() + "/oidc");
            HttpResponse<String> jwks = get((String) document.get("jwks_uri"));
            assertThat(jwks.statusCode()).isEqualTo(200);
            JWKSet keys = JWKSet.parse(jwks.body());
            assertThat(keys.getKeys()).hasSize(1);
            assertThat(keys.getKeys().get(0).getKeyID()).isNotBlank();
            assertThat(keys.getKeys().get(0).getX509CertChain()).hasSize(1);
            assertThat(keys.getKeys().get(0).isPrivate()).isFalse();
        }
    }
}
