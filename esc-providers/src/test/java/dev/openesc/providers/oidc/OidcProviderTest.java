package dev.openesc.providers.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openesc.core.value.ExecContext;
import dev.openesc.core.value.Value;
import dev.openesc.providers.identity.IdentityTokens;
import dev.openesc.providers.testing.Contexts;
import dev.openesc.providers.testing.RecordingTokens;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OidcProviderTest {

    private final RecordingTokens tokens = new RecordingTokens();
    private final OidcProvider provider = new OidcProvider(new LoginTokens(tokens));
    private final ExecContext context = Contexts.opening("acme", "registry/login", "alice");

    @Test
    void returnsATokenForTheNamedAudienceAsASecretString() throws Exception {
        Value out = provider.open(Map.of("audience", Value.ofString("https://registry.example.com"),
                "identityToken", Value.ofMap(Map.of("version", Value.ofString("v2")))), context);

        assertThat(out.value()).isEqualTo(tokens.lastToken());
        assertThat(out.secret()).isTrue();
        assertThat(tokens.only().audience()).isEqualTo("https://registry.example.com");
        assertThat(tokens.only().subject()).isEqualTo("pulumi:environments:org:acme:env:registry/login");
        assertThat(tokens.only().lifetime()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void durationSetsTheLifetimeWithinOneMinuteToOneHour() throws Exception {
        provider.open(Map.of("audience", Value.ofString("aud"), "duration", Value.ofString("15m")), context);
        assertThat(tokens.only().lifetime()).isEqualTo(Duration.ofMinutes(15));

        assertThatThrownBy(() -> provider.open(Map.of("audience", Value.ofString("aud"),
                "duration", Value.ofString("2h")), context))
                .hasMessage("\"duration\" must be between 1m0s and 1h0m0s");
        assertThatThrownBy(() -> provider.open(Map.of("audience", Value.ofString("aud"),
                "duration", Value.ofString("30s")), context))
                .hasMessage("\"duration\" must be between 1m0s and 1h0m0s");
    }

    @Test
    void refusesABlankOrOversizedAudienceAndOtherVersions() {
        assertThatThrownBy(() -> provider.open(Map.of("audience", Value.ofString("  ")), context))
                .hasMessage("audience must be 1 to 512 bytes and not blank");
        assertThatThrownBy(() -> provider.open(Map.of("audience", Value.ofString("a".repeat(513))), context))
                .hasMessage("audience must be 1 to 512 bytes and not blank");
        assertThatThrownBy(() -> provider.open(Map.of("audience", Value.ofString("aud"),
                "identityToken", Value.ofMap(Map.of("version", Value.ofString("v1")))), context))
                .hasMessage("identityToken.version must be v2");
        assertThat(tokens.requests()).isEmpty();
    }

    @Test
    void anIssuerFailureBecomesTheDiagnostic() {
        OidcProvider noIssuer = new OidcProvider(new LoginTokens(IdentityTokens.unavailable(
                "this backend has no OIDC issuer: start a server with a public URL")));

        assertThatThrownBy(() -> noIssuer.open(Map.of("audience", Value.ofString("aud")), context))
                .hasMessage("this backend has no OIDC issuer: start a server with a public URL");
    }

    @Test
    void anEnvironmentOpenedOutsideAnOrganizationGetsNoToken() {
        assertThatThrownBy(() -> provider.open(Map.of("audience", Value.ofString("aud")),
                ExecContext.empty().copyForEnv("p/e")))
                .hasMessageContaining("outside an organization");
    }
}
