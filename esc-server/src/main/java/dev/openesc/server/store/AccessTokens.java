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

    /**
     * Every request hashes its token; a copy of one digest costs less than {@code MessageDigest.getInstance},
     * which looks the algorithm up among the security providers each time (about 2 % of a small GET).
     */
    private static final MessageDigest SHA_256 = sha256();

    static byte[] hash(String secret) {
        return digest().digest(secret.getBytes(StandardCharsets.UTF_8));
    }

    private static MessageDigest digest() {
        try {
            return (MessageDigest) SHA_256.clone();
        } catch (CloneNotSupportedException e) {
            return sha256(); // a provider whose digest cannot be copied
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
