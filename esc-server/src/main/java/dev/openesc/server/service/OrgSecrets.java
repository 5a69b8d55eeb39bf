package dev.openesc.server.service;

import dev.openesc.core.crypt.CryptException;
import dev.openesc.core.crypt.Decrypter;
import dev.openesc.core.crypt.Encrypter;
import dev.openesc.server.crypto.CryptoException;
import dev.openesc.server.crypto.SecretCipher;
import java.nio.charset.StandardCharsets;

/**
 * The {@code fn::secret} cipher of one organization: its data key, bound to the organization and to the
 * purpose, so a ciphertext copied into another organization's definition does not decrypt there.
 */
final class OrgSecrets implements Encrypter, Decrypter {

    private static final byte[] PURPOSE = "fn::secret".getBytes(StandardCharsets.UTF_8);

    private final SecretCipher cipher;
    private final String org;

    OrgSecrets(SecretCipher cipher, String org) {
        this.cipher = cipher;
        this.org = org;
    }

    @Override
    public byte[] encrypt(byte[] plaintext) throws CryptException {
        try {
            return cipher.encrypt(org, plaintext, PURPOSE);
        } catch (CryptoException e) {
            throw new CryptException("cannot encrypt: the organization's key is unavailable", e);
        }
    }

    @Override
    public byte[] decrypt(byte[] ciphertext) throws CryptException {
        try {
            return cipher.decrypt(org, ciphertext, PURPOSE);
        } catch (CryptoException e) {
            // the cause says no more than this (Tink does not name keys in its messages), and no plaintext
            throw new CryptException("invalid ciphertext: not a secret of this organization", e);
        }
    }
}
