package dev.openesc.providers.aws;

import dev.openesc.core.value.Value;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A set of AWS credentials as {@code aws-login} returns them.
 *
 * @param expiration when a role session ends; empty for static keys
 */
record SessionCredentials(String accessKeyId, String secretAccessKey, String sessionToken,
                          Optional<Instant> expiration) {

    static final String ACCESS_KEY_ID = "accessKeyId";
    static final String SECRET_ACCESS_KEY = "secretAccessKey";
    static final String SESSION_TOKEN = "sessionToken";
    static final String EXPIRATION = "expiration";

    /** The provider's output: the three credentials secret, the expiry (RFC 3339, UTC) plain when there is one. */
    Value toValue() {
        Map<String, Value> out = new TreeMap<>();
        out.put(ACCESS_KEY_ID, Value.ofString(accessKeyId).withSecret(true));
        out.put(SECRET_ACCESS_KEY, Value.ofString(secretAccessKey).withSecret(true));
        out.put(SESSION_TOKEN, Value.ofString(sessionToken).withSecret(true));
        expiration.ifPresent(at -> out.put(EXPIRATION, Value.ofString(at.toString())));
        return Value.ofMap(out);
    }

    /** The expiry an output of {@link #toValue} carries. */
    static Optional<Instant> expirationOf(Value output) {
        Map<String, Value> fields = output.asMap();
        Value at = fields == null ? null : fields.get(EXPIRATION);
        if (at == null || !(at.value() instanceof String text)) {
            return Optional.empty();
        }
        return Optional.of(Instant.parse(text));
    }

    @Override
    public String toString() {
        // Keys and tokens are bearer credentials: never in logs.
        return "SessionCredentials[expiration=" + expiration.map(Instant::toString).orElse("none") + "]";
    }
}
