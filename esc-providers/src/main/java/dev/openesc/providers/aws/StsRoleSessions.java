package dev.openesc.providers.aws;

import dev.openesc.core.provider.ProviderException;
import dev.openesc.providers.ProviderSettings;
import dev.openesc.providers.identity.IdToken;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.StsClientBuilder;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithWebIdentityRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithWebIdentityResponse;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.PolicyDescriptorType;

/**
 * {@code AssumeRoleWithWebIdentity} through the AWS SDK for Java v2, at the STS endpoint and region of the
 * settings, every call bounded by their request timeout. The client is built on first use: a CLI that never
 * opens an OIDC login never loads the SDK.
 */
final class StsRoleSessions implements RoleSessions {

    private final ProviderSettings settings;
    private volatile StsClient client;

    StsRoleSessions(ProviderSettings settings) {
        this.settings = settings;
    }

    @Override
    public SessionCredentials assume(AwsLoginRequest.Oidc request, IdToken token) throws ProviderException {
        AssumeRoleWithWebIdentityRequest.Builder call = AssumeRoleWithWebIdentityRequest.builder()
                .roleArn(request.roleArn())
                .roleSessionName(request.sessionName())
                .webIdentityToken(token.token())
                .durationSeconds(Math.toIntExact(Math.min(Integer.MAX_VALUE, request.duration().toSeconds())));
        if (!request.policyArns().isEmpty()) {
            call.policyArns(request.policyArns().stream().map(arn -> PolicyDescriptorType.builder().arn(arn).build())
                    .toList());
        }
        AssumeRoleWithWebIdentityResponse response;
        try {
            response = client().assumeRoleWithWebIdentity(call.build());
        } catch (SdkException e) {
            throw new ProviderException(reason(request, e), null);
        }
        Credentials credentials = response.credentials();
        if (credentials == null) {
            throw new ProviderException("aws-login: STS answered AssumeRoleWithWebIdentity for " + request.roleArn()
                    + " without credentials");
        }
        return new SessionCredentials(credentials.accessKeyId(), credentials.secretAccessKey(),
                credentials.sessionToken(), Optional.ofNullable(credentials.expiration()));
    }

    /**
     * What went wrong, in the cloud's words where it gave any. Built from error codes and causes only, never from
     * the request, so neither the token nor a key can reach the text; the SDK's own messages are not used for the
     * same reason.
     */
    private String reason(AwsLoginRequest.Oidc request, SdkException failure) {
        String prefix = "aws-login: cannot assume role " + request.roleArn() + ": ";
        Duration timeout = settings.requestTimeout();
        if (failure instanceof ApiCallTimeoutException || failure instanceof ApiCallAttemptTimeoutException
                || hasCause(failure, SocketTimeoutException.class) || hasCause(failure, HttpTimeoutException.class)) {
            return prefix + "STS at " + endpointText() + " did not answer: timed out after " + seconds(timeout);
        }
        if (failure instanceof AwsServiceException service) {
            AwsErrorDetails details = service.awsErrorDetails();
            String code = details == null || details.errorCode() == null ? "" : details.errorCode();
            String message = details == null || details.errorMessage() == null ? "" : details.errorMessage();
            StringBuilder text = new StringBuilder(prefix).append("STS refused (");
            if (code.isEmpty() || "Unknown".equals(code)) {
                // Ceph RGW refuses a token without a code; a 403 is still what AWS calls AccessDenied.
                text.append(service.statusCode() == 403 ? "AccessDenied, " : "").append("HTTP ")
                        .append(service.statusCode());
            } else {
                text.append(code);
            }
            text.append(')');
            String scrubbed = withoutBearerText(message);
            if (!scrubbed.isBlank()) {
                text.append(": ").append(scrubbed);
            }
            return text.toString();
        }
        if (hasCause(failure, UnknownHostException.class)) {
            return prefix + "cannot reach STS at " + endpointText() + ": unknown host";
        }
        if (hasCause(failure, ConnectException.class)) {
            return prefix + "cannot reach STS at " + endpointText() + ": connection refused";
        }
        return prefix + "cannot reach STS at " + endpointText() + ": " + failure.getClass().getSimpleName();
    }

    /** In case a cloud echoes what it was given: anything shaped like a signed token (three base64url parts). */
    private static String withoutBearerText(String message) {
        return message.replaceAll("[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}", "[token]");
    }

    private String endpointText() {
        return settings.awsStsEndpoint().map(URI::toString)
                .orElse("https://sts." + settings.awsRegion() + ".amazonaws.com");
    }

    private static String seconds(Duration timeout) {
        long millis = timeout.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis / 1000.0 + " s";
    }

    private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private StsClient client() {
        StsClient ready = client;
        if (ready == null) {
            synchronized (this) {
                ready = client;
                if (ready == null) {
                    ready = build();
                    client = ready;
                }
            }
        }
        return ready;
    }

    private StsClient build() {
        Duration timeout = settings.requestTimeout();
        StsClientBuilder builder = StsClient.builder()
                .region(Region.of(settings.awsRegion()))
                // AssumeRoleWithWebIdentity is unsigned: the token is the credential. No default chain lookups.
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(timeout)
                        .socketTimeout(timeout)
                        .build())
                .overrideConfiguration(config -> config.apiCallTimeout(timeout).apiCallAttemptTimeout(timeout));
        settings.awsStsEndpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }
}
