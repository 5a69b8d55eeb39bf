package dev.openesc.providers.gcp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.openesc.core.provider.ProviderException;
import dev.openesc.providers.ProviderSettings;
import dev.openesc.providers.web.CloudHttp;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The two Google calls of workload identity federation, as Google documents them: the Security Token Service trades
 * an external OIDC token for a federated access token (RFC 8693 token exchange), and the IAM credentials API trades
 * that (or any access token) for a short-lived token of a service account ({@code generateAccessToken}). Plain
 * requests rather than google-auth-library: see docs/decisions.md.
 */
final class GoogleTokens {

    static final URI DEFAULT_STS = URI.create("https://sts.googleapis.com/v1/token");
    static final URI DEFAULT_IAM_CREDENTIALS = URI.create("https://iamcredentials.googleapis.com");

    static final String TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";
    static final String JWT_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:jwt";
    static final String ACCESS_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:access_token";
    static final String CLOUD_PLATFORM_SCOPE = "https://www.googleapis.com/auth/cloud-platform";

    /** An email address as Google names service accounts; it goes into a URL path unescaped, as Google writes it. */
    private static final Pattern SERVICE_ACCOUNT = Pattern.compile("[A-Za-z0-9._-]+@[A-Za-z0-9.-]+");

    /** A Google access token and when it stops working (empty when Google did not say). */
    record AccessToken(String token, String type, Optional<Instant> expiry) {
        @Override
        public String toString() {
            return "AccessToken[type=" + type + ", expiry=" + expiry + "]";
        }
    }

    private final URI sts;
    private final URI iamCredentials;
    private final Clock clock;
    private final CloudHttp stsHttp;
    private final CloudHttp iamHttp;

    GoogleTokens(ProviderSettings settings, Clock clock) {
        this.sts = settings.gcpStsEndpoint().orElse(DEFAULT_STS);
        this.iamCredentials = settings.gcpIamCredentialsEndpoint().orElse(DEFAULT_IAM_CREDENTIALS);
        this.clock = clock;
        this.stsHttp = new CloudHttp("Google STS", settings.requestTimeout(), CloudHttp::oauthError);
        this.iamHttp = new CloudHttp("Google IAM credentials", settings.requestTimeout(), GoogleTokens::googleApiError);
    }

    /**
     * The audience the STS expects for a workload identity pool provider: its full resource name.
     *
     * @param projectNumber the numeric project the pool lives in
     * @param region        {@code global} for every standard pool
     */
    static String poolProviderAudience(String projectNumber, String region, String poolId, String providerId) {
        return "//iam.googleapis.com/projects/" + projectNumber + "/locations/" + region
                + "/workloadIdentityPools/" + poolId + "/providers/" + providerId;
    }

    /** Trades {@code idToken} for a federated access token at the STS. */
    AccessToken exchange(String audience, String idToken) throws ProviderException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", TOKEN_EXCHANGE);
        form.put("audience", audience);
        form.put("scope", CLOUD_PLATFORM_SCOPE);
        form.put("requested_token_type", ACCESS_TOKEN_TYPE);
        form.put("subject_token", idToken);
        form.put("subject_token_type", JWT_TOKEN_TYPE);
        Instant asked = clock.instant();
        JsonNode answer = stsHttp.postForm(sts, Map.of(), form);
        String token = answer.path("access_token").asText("");
        if (token.isEmpty()) {
            throw new ProviderException("Google STS: the answer holds no access_token");
        }
        Optional<Instant> expiry = answer.hasNonNull("expires_in")
                ? Optional.of(asked.plusSeconds(answer.get("expires_in").asLong())) : Optional.empty();
        return new AccessToken(token, answer.path("token_type").asText("Bearer"), expiry);
    }

    /** Trades {@code credential} for an access token of {@code serviceAccount} living {@code lifetime}. */
    AccessToken impersonate(String credential, String serviceAccount, Duration lifetime) throws ProviderException {
        checkServiceAccount(serviceAccount);
        URI uri = URI.create(stripSlash(iamCredentials.toString()) + "/v1/projects/-/serviceAccounts/"
                + serviceAccount + ":generateAccessToken");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("scope", List.of(CLOUD_PLATFORM_SCOPE));
        body.put("lifetime", lifetime.toSeconds() + "s");
        JsonNode answer = iamHttp.postJson(uri, Map.of("Authorization", "Bearer " + credential), body);
        String token = answer.path("accessToken").asText("");
        if (token.isEmpty()) {
            throw new ProviderException("Google IAM credentials: the answer holds no accessToken");
        }
        Optional<Instant> expiry;
        try {
            expiry = answer.hasNonNull("expireTime")
                    ? Optional.of(Instant.parse(answer.get("expireTime").asText())) : Optional.empty();
        } catch (DateTimeParseException e) {
            throw new ProviderException("Google IAM credentials: the answer's expireTime is not a time");
        }
        return new AccessToken(token, "Bearer", expiry);
    }

    /** Refuses what is not a service account's email address: it goes into the URL's path. */
    static void checkServiceAccount(String serviceAccount) throws ProviderException {
        if (!SERVICE_ACCOUNT.matcher(serviceAccount).matches()) {
            throw new ProviderException("serviceAccount must be a service account's email address");
        }
    }

    /** Google APIs answer {@code {"error": {"code", "message", "status"}}}. */
    static Optional<String> googleApiError(JsonNode body) {
        JsonNode error = body.path("error");
        if (!error.isObject()) {
            return CloudHttp.oauthError(body);
        }
        String status = error.path("status").asText("");
        String message = error.path("message").asText("");
        if (status.isEmpty() && message.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(status.isEmpty() ? message : message.isEmpty() ? status : status + ": " + message);
    }

    private static String stripSlash(String text) {
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
}
