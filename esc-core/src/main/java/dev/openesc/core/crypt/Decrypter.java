package dev.openesc.core.crypt;

/** Decrypts secret values encrypted by the matching {@link Encrypter}. */
public interface Decrypter {
    /** Decrypts one ciphertext value (without its envelope). */
    byte[] decrypt(byte[] ciphertext) throws CryptException;
}
