package dev.openesc.server.keycloak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A Keycloak server of our own (the Quarkus distribution {@code .ci/install-keycloak.sh} unpacks) on a free loopback
 * port, in development mode with an in-memory database and federated client authentication on, plus the admin REST
 * calls the tests need. {@link #start} waits a bounded time for it to serve; {@link #close} stops the whole process
 * tree.
 */
final class Keycloak implements AutoCloseable {

    static final String VERSION = "26.5.6";
    /** Keycloak 26 needs Java 21 or newer; the CI machine has a Temurin 25 beside its Java 17. */
    static final String DEFAULT_JAVA_HOME = "/usr/lib/jvm/temurin-25-jdk-amd64";
    /** About 35 s on an idle machine; the CI machine's two cores are shared with the build. */
    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(300);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** An answer of Keycloak's token endpoint. */
    record TokenAnswer(int status, JsonNode body) {
        boolean granted() {
            return status == 200 && body.hasNonNull("access_token");
        }
    }

    private final Process process;
    private final URI base;
    private final String adminPassword;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private Keycloak(Process process, URI base, String adminPassword, Path log) {
        this.process = process;
        this.base = base;
        this.adminPassword = adminPassword;
        this.log = log;
    }

    /** Where the distribution is: {@code ESC_KEYCLOAK_HOME}, else where the install script puts it. */
    static Path home() {
        String configured = System.getenv("ESC_KEYCLOAK_HOME");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("user.home"), ".cache", "openesc", "keycloak-" + VERSION);
    }

    static Keycloak start(Path home, Path logDirectory) {
        Path script = home.resolve("bin/kc.sh");
        if (!Files.isExecutable(script)) {
            throw new IllegalStateException("Keycloak is not installed at " + home + ": run .ci/install-keycloak.sh"
                    + " (or set ESC_KEYCLOAK_HOME; ESC_SKIP_KEYCLOAK=1 skips these tests)");
        }
        String javaHome = System.getenv().getOrDefault("ESC_KEYCLOAK_JAVA_HOME", DEFAULT_JAVA_HOME);
        if (!Files.isExecutable(Path.of(javaHome, "bin", "java"))) {
            throw new IllegalStateException("Keycloak needs Java 21 or newer at " + javaHome
                    + " (set ESC_KEYCLOAK_JAVA_HOME)");
        }
        int port = freePort();
        String password = UUID.randomUUID().toString();
        Path log;
        Process process;
        try {
            Files.createDirectories(logDirectory);
            log = logDirectory.resolve("keycloak-" + port + ".log");
            ProcessBuilder builder = new ProcessBuilder(script.toString(), "start-dev",
                    "--http-host=127.0.0.1", "--http-port=" + port, "--http-management-port=" + freePort(),
                    "--db=dev-mem", "--features=jwt-authorization-grant,client-auth-federated")
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            Map<String, String> env = builder.environment();
            env.put("JAVA_HOME", javaHome);
            env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
            env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", password);
            // Start-up speed over peak speed: the tests make a few dozen requests.
            env.put("JAVA_OPTS_APPEND", "-XX:TieredStopAtLevel=1");
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Keycloak from " + script, e);
        }
        Keycloak keycloak = new Keycloak(process, URI.create("http://127.0.0.1:" + port), password, log);
        try {
            keycloak.awaitServing();
        } catch (RuntimeException e) {
            keycloak.close();
            throw e;
        }
        return keycloak;
    }

    /** The {@code iss} of a realm's tokens, which is also the audience it expects of a client assertion. */
    String realmIssuer(String realm) {
        return base + "/realms/" + realm;
    }

    /** A new realm with an OIDC identity provider {@code alias} that trusts {@code issuer} for client assertions. */
    void createRealmTrusting(String realm, String alias, String issuer, String jwksUri) {
        admin("POST", "/admin/realms", Map.of("realm", realm, "enabled", true));
        admin("POST", "/admin/realms/" + realm + "/identity-provider/instances", Map.of(
                "alias", alias,
                "providerId", "oidc",
                "enabled", true,
                "config", Map.of(
                        "issuer", issuer,
                        "jwksUrl", jwksUri,
                        "useJwksUrl", "true",
                        "validateSignature", "true",
                        "supportsClientAssertions", "true",
                        // Required by the form of an OIDC provider; never used for client assertions.
                        "clientId", "unused",
                        "clientSecret", "unused",
                        "authorizationUrl", issuer + "/unused-authorize",
                        "tokenUrl", issuer + "/unused-token")));
    }

    /** A confidential client that authenticates with a token of {@code alias}'s issuer whose {@code sub} is {@code subject}. */
    void createFederatedClient(String realm, String clientId, String alias, String subject) {
        admin("POST", "/admin/realms/" + realm + "/clients", Map.of(
                "clientId", clientId,
                "enabled", true,
                "publicClient", false,
                "serviceAccountsEnabled", true,
                "standardFlowEnabled", false,
                "clientAuthenticatorType", "federated-jwt",
                "attributes", Map.of("jwt.credential.issuer", alias, "jwt.credential.sub", subject)));
    }

    /** The client credentials grant authenticated by {@code assertion} alone (no client_id: the sub names the client). */
    TokenAnswer clientCredentials(String realm, String assertion) {
        return token(realm, Map.of(
                "grant_type", "client_credentials",
                "client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
                "client_assertion", assertion));
    }

    private TokenAnswer token(String realm, Map<String, String> form) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(
                        URI.create(base + "/realms/" + realm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(form))));
        return new TokenAnswer(response.statusCode(), parse(response.body()));
    }

    private void admin(String method, String path, Object body) {
        TokenAnswer login = token("master", Map.of("grant_type", "password", "client_id", "admin-cli",
                "username", "admin", "password", adminPassword));
        if (!login.granted()) {
            throw new IllegalStateException("Keycloak refused the admin login: " + login.body());
        }
        HttpResponse<String> response;
        try {
            response = send(HttpRequest.newBuilder(base.resolve(path))
                    .header("Authorization", "Bearer " + login.body().get("access_token").asText())
                    .header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("Keycloak " + method + " " + path + " answered " + response.statusCode()
                    + ": " + response.body());
        }
    }

    private void awaitServing() {
        Instant deadline = Instant.now().plus(STARTUP_LIMIT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with status " + process.exitValue() + "; its log:\n"
                        + tail());
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("/realms/master"))
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Keycloak", e);
            }
            pause();
        }
        throw new IllegalStateException("Keycloak did not serve within " + STARTUP_LIMIT.toSeconds() + " s; its log:\n"
                + tail());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }

    @Override
    public void close() {
        // kc.sh forwards TERM to its java child; stop the child directly too, in case the script is gone.
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (IOException e) {
            return JSON.createObjectNode().put("unparsed", body);
        }
    }

    private static String form(Map<String, String> fields) {
        StringJoiner out = new StringJoiner("&");
        fields.forEach((name, value) -> out.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return out.toString();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Keycloak", e);
        }
    }
}
