package dev.openesc.server.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.openesc.api.Caller;
import dev.openesc.api.EnvironmentRef;
import dev.openesc.api.OpenedSession;
import dev.openesc.api.Precondition;
import dev.openesc.core.value.Value;
import dev.openesc.providers.BuiltinProviders;
import dev.openesc.providers.ProviderSettings;
import dev.openesc.server.EscServer;
import dev.openesc.server.RunningServer;
import dev.openesc.server.ServerConfig;
import dev.openesc.server.crypto.LocalMasterKey;
import dev.openesc.server.oidc.Oidc;
import dev.openesc.server.oidc.RotationPolicy;
import dev.openesc.server.service.AccessPolicy;
import dev.openesc.server.service.LocalEscService;
import dev.openesc.server.service.ServiceLimits;
import dev.openesc.server.store.DatabaseOptions;
import dev.openesc.server.store.DatabaseUrl;
import dev.openesc.server.store.SessionPolicy;
import dev.openesc.server.store.Storage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keycloak as the relying party Entra is: a running server is the issuer (Keycloak fetches its JWKS at its public
 * URL), environments opened through the service with the builtin providers yield tokens, and Keycloak's federated
 * client authentication accepts them as client assertions for the client whose subject they carry, and refuses
 * them for another subject or another audience.
 */
@ExtendWith(KeycloakExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeycloakFederationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ORG = ServerConfig.DEFAULT_ADMIN_ORG;
    private static final String IDP = "esc-issuer";

    private Keycloak keycloak;
    private RunningServer server;
    private Storage storage;
    private LocalEscService service;
    private Caller admin;
    private String realm;
    private String realmIssuer;

    @BeforeAll
    void start(Keycloak keycloak, @TempDir Path dir) throws IOException {
        this.keycloak = keycloak;
        Path data = dir.resolve("server");
        server = EscServer.start(ServerConfig.at(data).withListen("127.0.0.1", 0),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        String adminToken = Files.readString(data.resolve(EscServer.ADMIN_TOKEN_FILE)).strip();
        realm = "esc-" + UUID.randomUUID().toString().substring(0, 8);
        realmIssuer = keycloak.realmIssuer(realm);

        // The service with the builtin providers, on the server's own store: its tokens are signed with the keys the
        // server publishes. Azure's audience is Keycloak's, as a federated credential would name it.
        storage = Storage.open(DatabaseUrl.sqliteFile(data.resolve(EscServer.DATABASE_FILE)).jdbcUrl(),
                LocalMasterKey.loadOrCreate(data.resolve(EscServer.MASTER_KEY_FILE)), SessionPolicy.defaults(),
                DatabaseOptions.defaults());
        Oidc oidc = Oidc.over(storage.signingKeys(), storage.database().clock(), server.publicUrl(),
                RotationPolicy.defaults());
        BuiltinProviders providers = new BuiltinProviders(ProviderSettings.defaults().withAzureAudience(realmIssuer),
                oidc.tokens(), storage.database().clock());
        service = new LocalEscService(storage, providers, AccessPolicy.defaults(), ServiceLimits.defaults());
        admin = service.authenticate(adminToken, "127.0.0.1");

        String issuer = server.publicUrl() + "/oidc";
        assertThat(oidc.issuer().issuer()).isEqualTo(issuer);
        keycloak.createRealmTrusting(realm, IDP, issuer, issuer + "/.well-known/jwks");
    }

    @AfterAll
    void stop() {
        if (storage != null) {
            storage.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theOidcProvidersTokenAuthenticatesTheClientOfItsSubject() throws Exception {
        keycloak.createFederatedClient(realm, "esc-registry", IDP, "pulumi:environments:org:" + ORG + ":env:keycloak/registry");
        String token = open("registry", """
                values:
                  registry:
                    fn::open::oidc:
                      audience: %s
                      duration: 5m
                """.formatted(realmIssuer), "registry");

        JsonNode claims = claims(token);
        assertThat(claims.get("aud").asText()).isEqualTo(realmIssuer);
        assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(300);

        JsonNode accessToken = grantedFor(token);
        assertThat(accessToken.get("azp").asText()).isEqualTo("esc-registry");
        assertThat(accessToken.get("iss").asText()).isEqualTo(realmIssuer);
    }

    @Test
    void azureLoginsTokenWithTheConfiguredAudienceAuthenticatesToo() throws Exception {
        String subject = "pulumi:environments:pulumi.organization.login:" + ORG
                + ":currentEnvironment.name:keycloak/azure:pulumi.user.login:" + admin.login();
        keycloak.createFederatedClient(realm, "esc-azure", IDP, subject);
        String token = open("azure", """
                values:
                  azure:
                    login:
                      fn::open::azure-login:
                        clientId: b537f1a2-0000-4000-8000-000000000001
                        tenantId: 70615c4e-0000-4000-8000-000000000002
                        subscriptionId: /subscriptions/02826d8c-0000-4000-8000-000000000003
                        oidc: true
                        subjectAttributes:
                          - currentEnvironment.name
                          - pulumi.user.login
                """, "azure.login.oidc.token");

        assertThat(claims(token).get("sub").asText()).isEqualTo(subject);
        assertThat(grantedFor(token).get("azp").asText()).isEqualTo("esc-azure");
    }

    @Test
    void aTokenOfAnotherSubjectIsRefused() throws Exception {
        keycloak.createFederatedClient(realm, "esc-payments", IDP, "pulumi:environments:org:" + ORG + ":env:keycloak/payments");
        String intruder = open("intruder", """
                values:
                  token:
                    fn::open::oidc:
                      audience: %s
                """.formatted(realmIssuer), "token");

        assertRefused(intruder);
    }

    @Test
    void theRightSubjectForAnotherAudienceIsRefused() throws Exception {
        keycloak.createFederatedClient(realm, "esc-elsewhere", IDP, "pulumi:environments:org:" + ORG + ":env:keycloak/elsewhere");
        String token = open("elsewhere", """
                values:
                  token:
                    fn::open::oidc:
                      audience: https://registry.example.com
                """, "token");

        assertRefused(token);
    }

    /** Creates {@code keycloak/<name>} with {@code yaml}, opens it through the service and reads one secret string. */
    private String open(String name, String yaml, String property) {
        EnvironmentRef ref = new EnvironmentRef(ORG, "keycloak", name);
        service.createEnvironment(admin, ref);
        service.updateEnvironment(admin, ref, yaml.getBytes(StandardCharsets.UTF_8), Precondition.none());
        OpenedSession session = service.openEnvironment(admin, ref, null, null);
        assertThat(session.diagnostics()).isEmpty();
        Value value = service.readOpenProperty(admin, ref, session.id(), property);
        assertThat(value.secret()).isTrue();
        return (String) value.value();
    }

    /** The claims of the access token Keycloak grants for {@code assertion}; fails when it grants none. */
    private JsonNode grantedFor(String assertion) throws IOException {
        Keycloak.TokenAnswer answer = keycloak.clientCredentials(realm, assertion);
        assertThat(answer.granted()).as("Keycloak's answer: %s", answer.body()).isTrue();
        return claims(answer.body().get("access_token").asText());
    }

    private void assertRefused(String assertion) {
        Keycloak.TokenAnswer answer = keycloak.clientCredentials(realm, assertion);
        assertThat(answer.granted()).isFalse();
        assertThat(answer.body().path("error").asText()).isEqualTo("invalid_client");
    }

    private static JsonNode claims(String jwt) throws IOException {
        String[] parts = jwt.split("\\.");
        return JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
    }
}
