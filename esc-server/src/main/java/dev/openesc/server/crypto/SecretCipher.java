package dev.openesc.server.crypto;

/**
 * Encrypts values at rest with the data key of an organization (AES-256-GCM). The envelope format of
 * {@code fn::secret} ciphertexts is the language's business; this is the key service beneath it.
 * Ciphertexts are bound to their organization: one org's ciphertext does not decrypt as another's.
 */
public interface SecretCipher {

    /**
     * @param context more associated data the ciphertext is bound to (a session id, a key id), or empty
     */
    byte[] encrypt(String org, byte[] plaintext, byte[] context);

    /** @throws CryptoException if the ciphertext was not made by {@link #encrypt} with the same org and context */
    byte[] decrypt(String org, byte[] ciphertext, byte[] context);

    default byte[] encrypt(String org, byte[] plaintext) {
        return encrypt(org, plaintext, new byte[0]);
    }

    default byte[] decrypt(String org, byte[] ciphertext) {
        return decrypt(org, ciphertext, new byte[0]);
    }
}
