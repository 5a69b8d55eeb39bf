package dev.openesc.providers.cache;

import dev.openesc.core.value.Value;
import dev.openesc.providers.LoginContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * Which credentials a cached entry holds: the provider, its exact inputs and who asked (the token's subject and
 * audience follow from these). The inputs are kept as a digest of their canonical JSON, so that keys written in
 * an environment never sit in the cache's index.
 *
 * @param inputsDigest SHA-256 of the inputs as JSON with sorted keys, secrets in plain text
 */
public record CacheKey(String provider, String inputsDigest, LoginContext login) {

    public static CacheKey of(String provider, Map<String, Value> inputs, LoginContext login) {
        // Value keeps maps sorted by key, so equal inputs give equal text whatever order they were written in.
        String canonical = Value.ofMap(inputs).toJsonString(false);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return new CacheKey(provider, HexFormat.of().formatHex(digest), login);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
