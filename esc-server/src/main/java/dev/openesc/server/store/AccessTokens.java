package dev.openesc.server.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The text of access tokens and their stored hashes. A token is 256 random bits, so a plain SHA-256
 * is the right hash: a salt or a slow hash (bcrypt, Argon2) defends guessable passwords against
 * dictionary and rainbow-table attacks, and no dictionary covers 2^256 random values. A fast,
 * deterministic hash also lets us find a token by an indexed equality lookup, with no timing signal
 * about the secret (what is compared is the hash, and the secret is never compared directly).
 */
final class AccessTokens {

    static final String PREFIX = "esc_";

    private AccessTokens() {
    }

    static String newSecret() {
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(RandomIds.bytes(32));
    }

    static byte[] hash(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
