package dev.openesc.providers.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openesc.core.provider.ProviderException;
import dev.openesc.core.schema.JsonNumber;
import dev.openesc.core.value.ExecContext;
import dev.openesc.core.value.Value;
import dev.openesc.providers.ProviderSettings;
import dev.openesc.providers.identity.SubjectAttribute;
import dev.openesc.providers.identity.TokenRequest;
import dev.openesc.providers.oidc.LoginTokens;
import dev.openesc.providers.testing.Bodies;
import dev.openesc.providers.testing.Contexts;
import dev.openesc.providers.testing.RecordingTokens;
import dev.openesc.providers.testing.StubServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * gcp-login against a stub of Google's STS and IAM credentials API that checks every field of the documented
 * requests (https://cloud.google.com/iam/docs/reference/sts/rest/v1/TopLevel/token,
 * https://cloud.google.com/iam/docs/reference/credentials/rest/v1/projects.serviceAccounts/generateAccessToken).
 */
class GcpLoginContractTest {

    private static final String STS_PATH = "/v1/token";
    private static final String SERVICE_ACCOUNT = "esc-deployer@acme-prod.iam.gserviceaccount.com";
    private static final String IAM_PATH = "/v1/projects/-/serviceAccounts/" + SERVICE_ACCOUNT + ":generateAccessToken";
    private static final String STS_ANSWER = "{\"access_token\":\"federated-token-1\",\"issued_token_type\":"
            + "\"urn:ietf:params:oauth:token-type:access_token\",\"token_type\":\"Bearer\",\"expires_in\":3599}";
    private static final String IAM_ANSWER = "{\"accessToken\":\"ya29.service-account-token\","
            + "\"expireTime\":\"2026-01-02T04:04:05Z\"}";

    private final Clock clock = Clock.fixed(RecordingTokens.NOW, ZoneOffset.UTC);
    private final RecordingTokens tokens = new RecordingTokens();
    private final ExecContext context = Contexts.opening("acme", "payments/prod", "alice");
    private StubServer google;

    @BeforeEach
    void start() throws IOException {
        google = StubServer.start();
    }

    @AfterEach
    void stop() {
        google.close();
    }

    private GcpLogin provider(Duration timeout) {
        ProviderSettings settings = new ProviderSettings(Optional.empty(), ProviderSettings.DEFAULT_AWS_REGION,
                Optional.empty(), Optional.of(google.uri(STS_PATH)), Optional.of(google.uri()), Optional.empty(), timeout);
        return new GcpLogin(settings, new LoginTokens(tokens), clock);
    }

    private GcpLogin provider() {
        return provider(Duration.ofSeconds(10));
    }

    private static Map<String, Value> oidcInputs(Map<String, Value> extra) {
        Map<String, Value> oidc = new java.util.TreeMap<>(Map.of(
                "workloadPoolId", Value.ofString("esc-pool"),
                "providerId", Value.ofString("esc-provider"),
                "serviceAccount", Value.ofString(SERVICE_ACCOUNT)));
        oidc.putAll(extra);
        return Map.of("project", Value.ofNumber("951040570662"), "oidc", Value.ofMap(oidc));
    }

    @Test
    void exchangesOurTokenAtTheStsThenImpersonatesTheServiceAccount() throws Exception {
        google.answer(STS_PATH, 200, STS_ANSWER).answer(IAM_PATH, 200, IAM_ANSWER);

        Value out = provider().open(oidcInputs(Map.of()), context);

        TokenRequest asked = tokens.only();
        assertThat(asked.audience()).isEqualTo("gcp:acme");
        assertThat(asked.subject()).isEqualTo("pulumi:environments:org:acme:env:payments/prod");
        assertThat(asked.lifetime()).isEqualTo(Duration.ofHours(1));

        StubServer.Recorded sts = google.only(STS_PATH);
        assertThat(sts.method()).isEqualTo("POST");
        assertThat(sts.header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
        assertThat(sts.header("Authorization")).isNull();
        assertThat(Bodies.form(sts.body())).containsExactlyInAnyOrderEntriesOf(Map.of(
                "grant_type", "urn:ietf:params:oauth:grant-type:token-exchange",
                "audience", "//iam.googleapis.com/projects/951040570662/locations/global"
                        + "/workloadIdentityPools/esc-pool/providers/esc-provider",
                "scope", "https://www.googleapis.com/auth/cloud-platform",
                "requested_token_type", "urn:ietf:params:oauth:token-type:access_token",
                "subject_token", tokens.lastToken(),
                "subject_token_type", "urn:ietf:params:oauth:token-type:jwt"));

        StubServer.Recorded iam = google.only(IAM_PATH);
        assertThat(iam.method()).isEqualTo("POST");
        assertThat(iam.header("Authorization")).isEqualTo("Bearer federated-token-1");
        assertThat(iam.header("Content-Type")).isEqualTo("application/json");
        assertThat(Bodies.json(iam.body())).isEqualTo(Bodies.json(
                "{\"scope\":[\"https://www.googleapis.com/auth/cloud-platform\"],\"lifetime\":\"3600s\"}"));
        assertThat(google.requests()).hasSize(2);

        Map<String, Value> fields = out.asMap();
        assertThat(fields).containsOnlyKeys("project", "accessToken", "tokenType", "expiry");
        assertThat(fields.get("project").value()).isEqualTo(new JsonNumber("951040570662"));
        assertThat(fields.get("accessToken").value()).isEqualTo("ya29.service-account-token");
        assertThat(fields.get("accessToken").secret()).isTrue();
        assertThat(fields.get("tokenType").value()).isEqualTo("Bearer");
        assertThat(fields.get("expiry").value()).isEqualTo("2026-01-02T04:04:05Z");
        assertThat(provider().expiresAt(out)).contains(Instant.parse("2026-01-02T04:04:05Z"));
    }

    @Test
    void regionLifetimeAndSubjectAttributesReachTheirFields() throws Exception {
        google.answer(STS_PATH, 200, STS_ANSWER).answer(IAM_PATH, 200, IAM_ANSWER);

        provider().open(oidcInputs(Map.of(
                "region", Value.ofString("europe-west1"),
                "tokenLifetime", Value.ofString("15m"),
                "subjectAttributes", Value.ofList(List.of(Value.ofString("currentEnvironment.name"),
                        Value.ofString("pulumi.user.login"))))), context);

        assertThat(Bodies.form(google.only(STS_PATH).body())).containsEntry("audience",
                "//iam.googleapis.com/projects/951040570662/locations/europe-west1"
                        + "/workloadIdentityPools/esc-pool/providers/esc-provider");
        assertThat(Bodies.json(google.only(IAM_PATH).body()).get("lifetime").asText()).isEqualTo("900s");
        assertThat(tokens.only().subjectAttributes())
                .containsExactly(SubjectAttribute.CURRENT_ENVIRONMENT_NAME, SubjectAttribute.USER_LOGIN);
        assertThat(tokens.only().subject()).isEqualTo("pulumi:environments:pulumi.organization.login:acme"
                + ":currentEnvironment.name:payments/prod:pulumi.user.login:alice");
    }

    @Test
    void theDefaultProjectKeepsTheBareOrganizationAsAudience() throws Exception {
        google.answer(STS_PATH, 200, STS_ANSWER).answer(IAM_PATH, 200, IAM_ANSWER);

        provider().open(oidcInputs(Map.of()), Contexts.opening("acme", "default/legacy", "alice"));

        assertThat(tokens.only().audience()).isEqualTo("acme");
    }

    @Test
    void theStsReasonBecomesTheDiagnostic() {
        google.answer(STS_PATH, 400, "{\"error\":\"invalid_grant\",\"error_description\":"
                + "\"The audience in ID Token [gcp:acme] does not match the expected audience.\"}");

        assertThatThrownBy(() -> provider().open(oidcInputs(Map.of()), context))
                .isInstanceOf(ProviderException.class)
                .hasMessage("Google STS refused the request: invalid_grant: The audience in ID Token [gcp:acme]"
                        + " does not match the expected audience.")
                .message().doesNotContain(tokens.lastToken());
        assertThat(google.requests()).hasSize(1);
    }

    @Test
    void theIamReasonBecomesTheDiagnostic() {
        google.answer(STS_PATH, 200, STS_ANSWER).answer(IAM_PATH, 403, "{\"error\":{\"code\":403,\"message\":"
                + "\"Permission 'iam.serviceAccounts.getAccessToken' denied on resource (or it may not exist).\","
                + "\"status\":\"PERMISSION_DENIED\"}}");

        assertThatThrownBy(() -> provider().open(oidcInputs(Map.of()), context))
                .isInstanceOf(ProviderException.class)
                .hasMessage("Google IAM credentials refused the request: PERMISSION_DENIED: Permission"
                        + " 'iam.serviceAccounts.getAccessToken' denied on resource (or it may not exist).")
                .message().doesNotContain("federated-token-1");
    }

    @Test
    void anErrorWithoutABodyNamesTheStatus() {
        google.answer(STS_PATH, 503, "");

        assertThatThrownBy(() -> provider().open(oidcInputs(Map.of()), context))
                .hasMessage("Google STS refused the request: HTTP 503");
    }

    @Test
    void aSilentStsFailsAfterTheBoundedWait() {
        google.hang(STS_PATH);

        assertThatThrownBy(() -> provider(Duration.ofMillis(300)).open(oidcInputs(Map.of()), context))
                .isInstanceOf(ProviderException.class)
                .hasMessage("Google STS: no answer from " + "http://" + google.uri().getAuthority() + " within 300ms");
    }

    @Test
    void anUnreachableStsIsNamed() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ProviderSettings settings = new ProviderSettings(Optional.empty(), ProviderSettings.DEFAULT_AWS_REGION,
                Optional.empty(), Optional.of(URI.create("http://127.0.0.1:" + closedPort + "/v1/token")),
                Optional.empty(), Optional.empty(), Duration.ofSeconds(5));

        assertThatThrownBy(() -> new GcpLogin(settings, new LoginTokens(tokens), clock).open(oidcInputs(Map.of()), context))
                .hasMessage("Google STS: cannot connect to http://127.0.0.1:" + closedPort);
    }

    @Test
    void aGivenAccessTokenIsReturnedWithoutAnyCall() throws Exception {
        Value out = provider().open(Map.of("project", Value.ofString("951040570662"), "accessToken",
                Value.ofMap(Map.of("accessToken", Value.ofString("ya29.given").makeSecret()))), context);

        assertThat(google.requests()).isEmpty();
        assertThat(tokens.requests()).isEmpty();
        assertThat(out.asMap().get("accessToken").value()).isEqualTo("ya29.given");
        assertThat(out.asMap().get("accessToken").secret()).isTrue();
        assertThat(out.asMap()).doesNotContainKey("expiry");
        assertThat(provider().expiresAt(out)).isEmpty();
    }

    @Test
    void aGivenAccessTokenImpersonatesTheNamedServiceAccount() throws Exception {
        google.answer(IAM_PATH, 200, IAM_ANSWER);

        Value out = provider().open(Map.of("project", Value.ofString("951040570662"), "accessToken",
                Value.ofMap(Map.of("accessToken", Value.ofString("ya29.given"),
                        "serviceAccount", Value.ofString(SERVICE_ACCOUNT),
                        "tokenLifetime", Value.ofString("2h")))), context);

        StubServer.Recorded iam = google.only(IAM_PATH);
        assertThat(iam.header("Authorization")).isEqualTo("Bearer ya29.given");
        assertThat(Bodies.json(iam.body()).get("lifetime").asText()).isEqualTo("7200s");
        assertThat(out.asMap().get("accessToken").value()).isEqualTo("ya29.service-account-token");
    }

    @Test
    void inputsThatCannotWorkAreRefusedBeforeAnyCall() {
        assertThatThrownBy(() -> provider().open(Map.of("project", Value.ofString("acme-prod"),
                "oidc", oidcInputs(Map.of()).get("oidc")), context))
                .hasMessageContaining("numeric project number");
        assertThatThrownBy(() -> provider().open(Map.of("project", Value.ofString("1")), context))
                .hasMessage("gcp-login needs exactly one of oidc or accessToken");
        assertThatThrownBy(() -> provider().open(oidcInputs(Map.of("tokenLifetime", Value.ofString("13h"))), context))
                .hasMessage("\"oidc.tokenLifetime\" must be between 1s and 12h0m0s");
        assertThatThrownBy(() -> provider().open(oidcInputs(Map.of("serviceAccount", Value.ofString("a/../b@x"))),
                context)).isInstanceOf(ProviderException.class);
        assertThat(google.requests()).isEmpty();
    }
}
