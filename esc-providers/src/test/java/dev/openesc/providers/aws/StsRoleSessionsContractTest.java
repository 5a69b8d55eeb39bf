package dev.openesc.providers.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.openesc.core.provider.ProviderException;
import dev.openesc.providers.ProviderSettings;
import dev.openesc.providers.identity.IdToken;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The STS requests and the error mapping of {@link StsRoleSessions}, against a local server that answers as AWS STS
 * documents it (the query protocol: form-encoded request, XML answer). The real STS here is Ceph RGW, in the
 * server's AwsLoginRgwTest; this one pins what RGW cannot produce on demand (each error code, a hung endpoint).
 */
class StsRoleSessionsContractTest {

    private static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJwdWx1bWkifQ.c2lnbmF0dXJlLWJ5dGVz";
    private static final IdToken ID_TOKEN = new IdToken(TOKEN, "kid", "sub", "aws:acme", Instant.now());
    private static final AwsLoginRequest.Oidc REQUEST = new AwsLoginRequest.Oidc(
            "arn:aws:iam::123456789012:role/deploy", "esc", Duration.ofHours(1),
            List.of("arn:aws:iam::aws:policy/ReadOnlyAccess"), List.of());

    private HttpServer server;
    private final AtomicReference<Map<String, String>> lastForm = new AtomicReference<>();
    private final AtomicReference<String> lastAuthorization = new AtomicReference<>();

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private interface Answer {
        void answer(HttpExchange exchange) throws IOException, InterruptedException;
    }

    private StsRoleSessions stsAnswering(Answer answer, Duration timeout) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            try {
                lastAuthorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
                lastForm.set(form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
                answer.answer(exchange);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                exchange.close();
            }
        });
        server.start();
        return sessions(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), timeout);
    }

    private static StsRoleSessions sessions(URI endpoint, Duration timeout) {
        return new StsRoleSessions(new ProviderSettings(Optional.of(endpoint), "us-east-1", Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), timeout));
    }

    private static Map<String, String> form(String body) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static void reply(HttpExchange exchange, int status, String xml) throws IOException {
        byte[] body = xml.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/xml");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    private static Answer error(int status, String code, String message) {
        return exchange -> reply(exchange, status, "<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
                + "<Error><Type>Sender</Type><Code>" + code + "</Code><Message>" + message + "</Message></Error>"
                + "<RequestId>r-1</RequestId></ErrorResponse>");
    }

    @Test
    void sendsTheDocumentedRequestUnsignedAndReadsTheCredentials() throws Exception {
        StsRoleSessions sts = stsAnswering(exchange -> reply(exchange, 200,
                "<AssumeRoleWithWebIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
                        + "<AssumeRoleWithWebIdentityResult><Credentials>"
                        + "<AccessKeyId>ASIAROLE</AccessKeyId><SecretAccessKey>role-secret</SecretAccessKey>"
                        + "<SessionToken>role-session</SessionToken><Expiration>2026-01-01T01:00:00Z</Expiration>"
                        + "</Credentials></AssumeRoleWithWebIdentityResult>"
                        + "<ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata>"
                        + "</AssumeRoleWithWebIdentityResponse>"), Duration.ofSeconds(5));

        SessionCredentials credentials = sts.assume(REQUEST, ID_TOKEN);

        assertThat(credentials).isEqualTo(new SessionCredentials("ASIAROLE", "role-secret", "role-session",
                Optional.of(Instant.parse("2026-01-01T01:00:00Z"))));
        Map<String, String> form = lastForm.get();
        assertThat(form).containsEntry("Action", "AssumeRoleWithWebIdentity")
                .containsEntry("Version", "2011-06-15")
                .containsEntry("RoleArn", "arn:aws:iam::123456789012:role/deploy")
                .containsEntry("RoleSessionName", "esc")
                .containsEntry("WebIdentityToken", TOKEN)
                .containsEntry("DurationSeconds", "3600")
                .containsEntry("PolicyArns.member.1.arn", "arn:aws:iam::aws:policy/ReadOnlyAccess");
        assertThat(lastAuthorization.get()).as("the token is the credential: no signature").isNull();
    }

    @Test
    void refusalsCarryTheCloudsCodeAndMessage() throws Exception {
        StsRoleSessions sts = stsAnswering(error(403, "AccessDenied",
                "Not authorized to perform sts:AssumeRoleWithWebIdentity"), Duration.ofSeconds(5));
        assertThatThrownBy(() -> sts.assume(REQUEST, ID_TOKEN))
                .isInstanceOf(ProviderException.class)
                .hasMessage("aws-login: cannot assume role arn:aws:iam::123456789012:role/deploy: STS refused"
                        + " (AccessDenied): Not authorized to perform sts:AssumeRoleWithWebIdentity");
    }

    @Test
    void invalidAndExpiredTokensAreNamedAsSuch() throws Exception {
        StsRoleSessions invalid = stsAnswering(error(400, "InvalidIdentityToken",
                "Couldn't retrieve verification key from your identity provider"), Duration.ofSeconds(5));
        assertThatThrownBy(() -> invalid.assume(REQUEST, ID_TOKEN))
                .hasMessageContaining("STS refused (InvalidIdentityToken): Couldn't retrieve verification key");
        stop();
        StsRoleSessions expired = stsAnswering(error(400, "ExpiredTokenException", "Token expired"),
                Duration.ofSeconds(5));
        assertThatThrownBy(() -> expired.assume(REQUEST, ID_TOKEN))
                .hasMessageContaining("STS refused (ExpiredTokenException): Token expired");
    }

    @Test
    void aTokenEchoedBackNeverReachesTheMessage() throws Exception {
        StsRoleSessions sts = stsAnswering(error(400, "InvalidIdentityToken", "bad token " + TOKEN),
                Duration.ofSeconds(5));
        assertThatThrownBy(() -> sts.assume(REQUEST, ID_TOKEN))
                .hasMessageContaining("InvalidIdentityToken")
                .hasMessageNotContaining(TOKEN)
                .satisfies(e -> assertThat(e.getCause()).isNull());
    }

    @Test
    void anErrorWithoutACodeNamesTheStatus() throws Exception {
        // Ceph RGW answers some refusals with a bare status and no parsable code.
        StsRoleSessions sts = stsAnswering(exchange -> reply(exchange, 403, ""), Duration.ofSeconds(5));
        assertThatThrownBy(() -> sts.assume(REQUEST, ID_TOKEN))
                .hasMessageEndingWith("STS refused (AccessDenied, HTTP 403)");
    }

    @Test
    void anUnreachableEndpointSaysSo() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        StsRoleSessions sts = sessions(URI.create("http://127.0.0.1:" + closedPort), Duration.ofSeconds(5));
        assertThatThrownBy(() -> sts.assume(REQUEST, ID_TOKEN))
                .hasMessage("aws-login: cannot assume role arn:aws:iam::123456789012:role/deploy: cannot reach STS"
                        + " at http://127.0.0.1:" + closedPort + ": connection refused");
    }

    @Test
    void aHungEndpointTimesOutAfterTheBoundedWait() throws Exception {
        StsRoleSessions sts = stsAnswering(exchange -> Thread.sleep(3_000), Duration.ofSeconds(1));
        assertThatThrownBy(() -> sts.assume(REQUEST, ID_TOKEN))
                .hasMessageEndingWith("did not answer: timed out after 1 s");
    }
}
