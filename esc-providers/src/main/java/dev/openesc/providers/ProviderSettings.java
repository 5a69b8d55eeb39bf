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
 */
public record ProviderSettings(Optional<URI> awsStsEndpoint, String awsRegion, Optional<URI> azureAuthorityHost,
                               Optional<URI> gcpStsEndpoint, Optional<URI> gcpIamCredentialsEndpoint,
                               Optional<URI> vaultAddress, Duration requestTimeout) {

    public static final String DEFAULT_AWS_REGION = "us-east-1";
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

    /** The public clouds, default region and timeout. */
    public static ProviderSettings defaults() {
        return new ProviderSettings(Optional.empty(), DEFAULT_AWS_REGION, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), DEFAULT_REQUEST_TIMEOUT);
    }
}
