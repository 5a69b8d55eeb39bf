package dev.openesc.providers;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Where providers reach the clouds, from the server's configuration ({@code --aws-sts-endpoint} and the like):
 * each endpoint empty means the cloud's public default. Tests and private deployments point them elsewhere.
 *
 * @param awsStsEndpoint           AWS STS ({@code AssumeRoleWithWebIdentity}); empty: the regional public endpoint
 * @param awsRegion                the region for STS calls and signing; {@code us-east-1} by default
 * @param azureAuthorityHost       the Entra authority ({@code https://login.microsoftonline.com})
 * @param gcpStsEndpoint           Google's token exchange ({@code https://sts.googleapis.com/v1/token})
 * @param gcpIamCredentialsEndpoint Google's IAM credentials API ({@code https://iamcredentials.googleapis.com})
 * @param vaultAddress             overrides every Vault {@code address} an environment names (a private network)
 * @param requestTimeout           the bounded wait for any one cloud call
 * @param azureAudience            the {@code aud} of azure-login's tokens instead of the reference's
 *                                 {@code azure:<org>}: what an Entra federated credential names (often
 *                                 {@code api://AzureADTokenExchange}), or a test verifier's own audience
 */
public record ProviderSettings(Optional<URI> awsStsEndpoint, String awsRegion, Optional<URI> azureAuthorityHost,
                               Optional<URI> gcpStsEndpoint, Optional<URI> gcpIamCredentialsEndpoint,
                               Optional<URI> vaultAddress, Duration requestTimeout, Optional<String> azureAudience) {

    /** The settings without an Azure audience of their own. */
    public ProviderSettings(Optional<URI> awsStsEndpoint, String awsRegion, Optional<URI> azureAuthorityHost,
                            Optional<URI> gcpStsEndpoint, Optional<URI> gcpIamCredentialsEndpoint,
                            Optional<URI> vaultAddress, Duration requestTimeout) {
        this(awsStsEndpoint, awsRegion, azureAuthorityHost, gcpStsEndpoint, gcpIamCredentialsEndpoint, vaultAddress,
                requestTimeout, Optional.empty());
    }

    /** These settings with azure-login's tokens carrying {@code audience}. */
    public ProviderSettings withAzureAudience(String audience) {
        return new ProviderSettings(awsStsEndpoint, awsRegion, azureAuthorityHost, gcpStsEndpoint,
                gcpIamCredentialsEndpoint, vaultAddress, requestTimeout, Optional.of(audience));
    }

    public static final String DEFAULT_AWS_REGION = "us-east-1";
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

    /** The public clouds, default region and timeout. */
    public static ProviderSettings defaults() {
        return new ProviderSettings(Optional.empty(), DEFAULT_AWS_REGION, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), DEFAULT_REQUEST_TIMEOUT);
    }
}
