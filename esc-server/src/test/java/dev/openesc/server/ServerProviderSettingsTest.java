package dev.openesc.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openesc.providers.ProviderSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The provider endpoints of {@code esc server}: flags over {@code ESC_*} variables over the public clouds. */
class ServerProviderSettingsTest {

    private static final Path HOME = Path.of("/home/someone");

    @Test
    void defaultsAreThePublicCloudsAndThirtySeconds() {
        assertThat(ServerConfig.resolve(List.of(), Map.of(), HOME).providers()).isEqualTo(ProviderSettings.defaults());
        assertThat(ServerConfig.at(HOME).providers()).isEqualTo(ProviderSettings.defaults());
    }

    @Test
    void variablesSetEveryEndpointAndFlagsWinOverThem() {
        Map<String, String> env = Map.of(
                "ESC_AWS_STS_ENDPOINT", "http://127.0.0.1:8000",
                "ESC_AWS_REGION", "eu-west-1",
                "ESC_AZURE_AUTHORITY_HOST", "https://login.example.com",
                "ESC_GCP_STS_ENDPOINT", "https://sts.example.com/v1/token",
                "ESC_GCP_IAM_ENDPOINT", "https://iam.example.com",
                "ESC_VAULT_ADDRESS", "http://vault.internal:8200",
                "ESC_PROVIDER_TIMEOUT", "1500ms");
        ProviderSettings fromEnv = ServerConfig.resolve(List.of(), env, HOME).providers();
        assertThat(fromEnv).isEqualTo(new ProviderSettings(Optional.of(URI.create("http://127.0.0.1:8000")),
                "eu-west-1", Optional.of(URI.create("https://login.example.com")),
                Optional.of(URI.create("https://sts.example.com/v1/token")),
                Optional.of(URI.create("https://iam.example.com")),
                Optional.of(URI.create("http://vault.internal:8200")), Duration.ofMillis(1500)));

        ProviderSettings fromFlags = ServerConfig.resolve(List.of("--aws-sts-endpoint", "https://sts.internal",
                "--aws-region=ap-south-1", "--provider-timeout", "2m", "--vault-address", "https://v:8200"),
                env, HOME).providers();
        assertThat(fromFlags.awsStsEndpoint()).contains(URI.create("https://sts.internal"));
        assertThat(fromFlags.awsRegion()).isEqualTo("ap-south-1");
        assertThat(fromFlags.requestTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(fromFlags.vaultAddress()).contains(URI.create("https://v:8200"));
        assertThat(fromFlags.gcpStsEndpoint()).as("from the variable").contains(URI.create("https://sts.example.com/v1/token"));
        assertThat(ServerConfig.resolve(List.of("--provider-timeout", "45"), Map.of(), HOME).providers()
                .requestTimeout()).isEqualTo(Duration.ofSeconds(45));
    }

    @Test
    void azureAudienceComesFromTheFlagOrTheVariable() {
        assertThat(ServerConfig.resolve(List.of(), Map.of(), HOME).providers().azureAudience()).isEmpty();
        assertThat(ServerConfig.resolve(List.of(), Map.of("ESC_AZURE_AUDIENCE", "api://AzureADTokenExchange"), HOME)
                .providers().azureAudience()).contains("api://AzureADTokenExchange");
        assertThat(ServerConfig.resolve(List.of("--azure-audience=https://kc/realms/esc"),
                Map.of("ESC_AZURE_AUDIENCE", "api://AzureADTokenExchange"), HOME).providers().azureAudience())
                .contains("https://kc/realms/esc");
    }

    @Test
    void malformedValuesAreExplained() {
        assertThatThrownBy(() -> ServerConfig.resolve(List.of("--aws-sts-endpoint", "sts.amazonaws.com"), Map.of(), HOME))
                .hasMessageContaining("--aws-sts-endpoint must be an http(s) URL");
        assertThatThrownBy(() -> ServerConfig.resolve(List.of(), Map.of("ESC_PROVIDER_TIMEOUT", "soon"), HOME))
                .hasMessageContaining("--provider-timeout must be a duration");
        assertThatThrownBy(() -> ServerConfig.resolve(List.of("--provider-timeout", "0s"), Map.of(), HOME))
                .hasMessageContaining("positive");
    }
}
