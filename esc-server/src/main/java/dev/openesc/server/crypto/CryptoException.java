package dev.openesc.server.crypto;

/** Encryption or decryption failed: a wrong or missing key, or a damaged ciphertext. */
public final class CryptoException extends RuntimeException {

    public CryptoException(String message, Throwable cause) {
        super(message, cause);
    }

    public CryptoException(String message) {
        super(message);
    }
}
