package dev.openesc.core.crypt;

/** Encrypts secret values (e.g. with a key held by the service). */
public interface Encrypter {
    /** Encrypts one plaintext value. */
    byte[] encrypt(byte[] plaintext) throws CryptException;
}
