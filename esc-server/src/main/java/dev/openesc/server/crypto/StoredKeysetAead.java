package dev.openesc.server.crypto;

import com.google.crypto.tink.Aead;
import java.security.GeneralSecurityException;
import java.util.Map;
import java.util.function.Supplier;
import javax.crypto.spec.SecretKeySpec;

/**
 * A data keyset's cipher that decrypts without Tink ({@link AesGcmKeyset}, {@link AesGcmDecryption}) and encrypts with
 * Tink's own primitive for the same stored keyset, made on first encryption. Decryption follows Tink's rule for
 * keysets whose keys all carry its output prefix: the ciphertext's first byte is 1, the next four name the key, and
 * only an enabled key of that id may open it.
 */
final class StoredKeysetAead implements Aead {

    private static final int PREFIX_BYTES = 5;
    private static final byte TINK_START_BYTE = 1;

    private final Map<Integer, SecretKeySpec> enabledKeys;
    private final AesGcmDecryption decryption;
    private final Supplier<Aead> tink;
    private Aead encrypter;

    StoredKeysetAead(Map<Integer, SecretKeySpec> enabledKeys, AesGcmDecryption decryption, Supplier<Aead> tink) {
        this.enabledKeys = Map.copyOf(enabledKeys);
        this.decryption = decryption;
        this.tink = tink;
    }

    @Override
    public byte[] encrypt(byte[] plaintext, byte[] associatedData) throws GeneralSecurityException {
        Aead aead;
        synchronized (this) {
            if (encrypter == null) {
                encrypter = tink.get();
            }
            aead = encrypter;
        }
        return aead.encrypt(plaintext, associatedData);
    }

    @Override
    public byte[] decrypt(byte[] ciphertext, byte[] associatedData) throws GeneralSecurityException {
        if (ciphertext.length < PREFIX_BYTES || ciphertext[0] != TINK_START_BYTE) {
            throw new GeneralSecurityException("decryption failed");
        }
        int id = (ciphertext[1] & 0xff) << 24 | (ciphertext[2] & 0xff) << 16 | (ciphertext[3] & 0xff) << 8
                | ciphertext[4] & 0xff;
        SecretKeySpec key = enabledKeys.get(id);
        if (key == null) {
            throw new GeneralSecurityException("decryption failed");
        }
        return decryption.decrypt(key, ciphertext, PREFIX_BYTES, associatedData);
    }
}
