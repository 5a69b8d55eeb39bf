package dev.openesc.core.crypt;

/**
 * Encryption or decryption failed. The message is safe to show to users: it never contains plaintext.
 */
public class CryptException extends Exception {
    public CryptException(String message) {
        super(message);
    }

    public CryptException(String message, Throwable cause) {
        super(message, cause);
    }
}
