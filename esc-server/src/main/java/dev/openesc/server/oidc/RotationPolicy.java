package dev.openesc.server.oidc;

import java.time.Duration;

/**
 * When signing keys change. A key signs for {@code signingPeriod}; its successor is published
 * {@code prePublish} before it takes over, so relying parties that cache the JWKS have seen it; a key
 * stays published {@code maxTokenLifetime} after its signing period, so every token it signed can still
 * be verified.
 */
public record RotationPolicy(Duration signingPeriod, Duration prePublish, Duration maxTokenLifetime, int keyBits) {

    /** Tokens never live longer than this, whatever a provider asks for. */
    public static final Duration TOKEN_LIFETIME_LIMIT = Duration.ofHours(1);

    public RotationPolicy {
        if (signingPeriod.isNegative() || prePublish.isNegative() || prePublish.isZero()
                || signingPeriod.compareTo(prePublish.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("a key must sign for at least twice the pre-publication time");
        }
        if (maxTokenLifetime.isNegative() || maxTokenLifetime.isZero()
                || maxTokenLifetime.compareTo(TOKEN_LIFETIME_LIMIT) > 0) {
            throw new IllegalArgumentException("tokens live at most one hour");
        }
        if (keyBits != 2048 && keyBits != 3072 && keyBits != 4096) {
            throw new IllegalArgumentException("RSA signing keys are 2048, 3072 or 4096 bits");
        }
    }

    /** A week per key, published a day ahead, one-hour tokens, 2048-bit keys. */
    public static RotationPolicy defaults() {
        return new RotationPolicy(Duration.ofDays(7), Duration.ofDays(1), TOKEN_LIFETIME_LIMIT, 2048);
    }
}
