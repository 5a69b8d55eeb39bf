package dev.openesc.server.rgw;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A role's trust policy for web identities of one OIDC provider: who may assume the role. RGW 16.2 names
 * the token's audience {@code <provider>:app_id} and its subject {@code <provider>:sub}, where the provider
 * is the issuer URL without its scheme ({@code host:port/path}).
 *
 * @param issuerUrl the issuer as registered ({@code http://127.0.0.1:PORT/oidc})
 * @param audience  the {@code aud} the token must carry, or null for any
 * @param subject   the {@code sub} the token must carry, or null for any
 */
public record TrustPolicy(String issuerUrl, String audience, String subject) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The issuer URL without its scheme: how RGW names the provider in ARNs and condition keys. */
    public static String providerName(String issuerUrl) {
        return issuerUrl.replaceFirst("^https?://", "");
    }

    public String json() {
        String provider = providerName(issuerUrl);
        Map<String, String> conditions = new LinkedHashMap<>();
        if (audience != null) {
            conditions.put(provider + ":app_id", audience);
        }
        if (subject != null) {
            conditions.put(provider + ":sub", subject);
        }
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("Effect", "Allow");
        statement.put("Principal", Map.of("Federated", List.of("arn:aws:iam:::oidc-provider/" + provider)));
        statement.put("Action", List.of("sts:AssumeRoleWithWebIdentity"));
        if (!conditions.isEmpty()) {
            statement.put("Condition", Map.of("StringEquals", conditions));
        }
        try {
            return JSON.writeValueAsString(Map.of("Version", "2012-10-17", "Statement", List.of(statement)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
