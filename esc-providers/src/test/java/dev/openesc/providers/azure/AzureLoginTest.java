package dev.openesc.providers.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openesc.core.value.ExecContext;
import dev.openesc.core.value.Value;
import dev.openesc.providers.identity.TokenRequest;
import dev.openesc.providers.oidc.LoginTokens;
import dev.openesc.providers.testing.Contexts;
import dev.openesc.providers.testing.RecordingTokens;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * azure-login makes no call of its own (the reference hands the token to Azure's tools), so its contract is the
 * token it asks for and the outputs; Keycloak verifies such a token for real in esc-server's KeycloakFederationTest.
 */
class AzureLoginTest {

    private static final Map<String, Value> IDS = Map.of(
            "clientId", Value.ofString("b537f1a2-0000-4000-8000-000000000001"),
            "tenantId", Value.ofString("70615c4e-0000-4000-8000-000000000002"),
            "subscriptionId", Value.ofString("/subscriptions/02826d8c-0000-4000-8000-000000000003"));

    private final RecordingTokens tokens = new RecordingTokens();
    private final AzureLogin provider = new AzureLogin(new LoginTokens(tokens), Optional.empty());
    private final ExecContext context = Contexts.opening("contoso", "project/development", "userLogin");

    private static Map<String, Value> with(Map<String, Value> extra) {
        Map<String, Value> inputs = new java.util.TreeMap<>(IDS);
        inputs.putAll(extra);
        return inputs;
    }

    @Test
    void oidcYieldsATokenForTheAzureAudience() throws Exception {
        Value out = provider.open(with(Map.of("oidc", Value.ofBoolean(true))), context);

        TokenRequest asked = tokens.only();
        assertThat(asked.audience()).isEqualTo("azure:contoso");
        assertThat(asked.subject()).isEqualTo("pulumi:environments:org:contoso:env:project/development");
        assertThat(asked.lifetime()).isEqualTo(Duration.ofHours(1));
        assertThat(out.asMap()).containsOnlyKeys("clientId", "tenantId", "subscriptionId", "oidc");
        assertThat(out.asMap().get("clientId").value()).isEqualTo("b537f1a2-0000-4000-8000-000000000001");
        assertThat(out.asMap().get("tenantId").value()).isEqualTo("70615c4e-0000-4000-8000-000000000002");
        assertThat(out.asMap().get("subscriptionId").value())
                .isEqualTo("/subscriptions/02826d8c-0000-4000-8000-000000000003");
        Value token = out.asMap().get("oidc").asMap().get("token");
        assertThat(token.value()).isEqualTo(tokens.lastToken());
        assertThat(token.secret()).isTrue();
    }

    @Test
    void subjectAttributesShapeTheSubjectAsTheReferenceDocumentsIt() throws Exception {
        provider.open(with(Map.of("oidc", Value.ofBoolean(true), "subjectAttributes", Value.ofList(List.of(
                Value.ofString("currentEnvironment.name"), Value.ofString("pulumi.user.login"))))), context);

        assertThat(tokens.only().subject()).isEqualTo("pulumi:environments:pulumi.organization.login:contoso"
                + ":currentEnvironment.name:project/development:pulumi.user.login:userLogin");
    }

    @Test
    void theDefaultProjectKeepsTheBareOrganization() throws Exception {
        provider.open(with(Map.of("oidc", Value.ofBoolean(true))), Contexts.opening("contoso", "default/dev", "u"));

        assertThat(tokens.only().audience()).isEqualTo("contoso");
    }

    @Test
    void theServerMayNameTheAudienceOfEveryToken() throws Exception {
        new AzureLogin(new LoginTokens(tokens), Optional.of("api://AzureADTokenExchange"))
                .open(with(Map.of("oidc", Value.ofBoolean(true))), context);

        assertThat(tokens.only().audience()).isEqualTo("api://AzureADTokenExchange");
        assertThat(tokens.only().subject()).isEqualTo("pulumi:environments:org:contoso:env:project/development");
    }

    @Test
    void aClientSecretIsReturnedSecretAndNoTokenIsIssued() throws Exception {
        Value out = provider.open(with(Map.of("clientSecret", Value.ofString("s3cr3t~value"))), context);

        assertThat(tokens.requests()).isEmpty();
        assertThat(out.asMap()).doesNotContainKey("oidc");
        assertThat(out.asMap().get("clientSecret").value()).isEqualTo("s3cr3t~value");
        assertThat(out.asMap().get("clientSecret").secret()).isTrue();
    }

    @Test
    void neitherOidcNorASecretIsADiagnostic() {
        assertThatThrownBy(() -> provider.open(with(Map.of("oidc", Value.ofBoolean(false))), context))
                .hasMessage("azure-login needs either oidc: true or a clientSecret");
    }

    @Test
    void anUnknownSubjectAttributeNamesTheAcceptedOnes() {
        assertThatThrownBy(() -> provider.open(with(Map.of("oidc", Value.ofBoolean(true),
                "subjectAttributes", Value.ofList(List.of(Value.ofString("pulumi.user.email"))))), context))
                .hasMessageStartingWith("unknown subject attribute \"pulumi.user.email\"");
    }
}
