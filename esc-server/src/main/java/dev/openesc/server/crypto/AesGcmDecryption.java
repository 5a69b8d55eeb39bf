package dev.openesc.server.crypto;

import java.security.GeneralSecurityException;
import javax.crypto.spec.SecretKeySpec;

/**
 * Which code decrypts stored AES-GCM ciphertexts (Tink's layout) in this process; encryption is always Tink's. The
 * choice belongs to whoever starts the process, by how long it lives (docs/decisions.md 23).
 */
public enum AesGcmDecryption {
    /**
     * The JDK's {@code AES/GCM/NoPadding} in the configured provider order ({@link JceAesGcm}). For processes that
     * live: once C2 compiles it, it runs on the CPU's AES and carry-less multiply instructions, fast and in constant
     * time. The server's.
     */
    JDK {
        @Override
        byte[] decrypt(SecretKeySpec key, byte[] in, int offset, byte[] associatedData)
                throws GeneralSecurityException {
            return JceAesGcm.decrypt(key, in, offset, associatedData);
        }
    },
    /**
     * AES-GCM decryption of our own in plain Java ({@link LightweightAesGcm}): none of the JDK's provider start and
     * no library's, for a process that runs C1 only and decrypts a handful of secrets, where the JDK's AES would be
     * table-based Java code as well (docs/decisions.md 29). The CLI's.
     */
    LIGHTWEIGHT {
        @Override
        byte[] decrypt(SecretKeySpec key, byte[] in, int offset, byte[] associatedData)
                throws GeneralSecurityException {
            return LightweightAesGcm.decrypt(key, in, offset, associatedData);
        }
    };

    /**
     * Decrypts {@code in} from {@code offset} on (nonce, ciphertext, tag) under {@code associatedData}.
     *
     * @throws GeneralSecurityException if it is too short or does not authenticate
     */
    abstract byte[] decrypt(SecretKeySpec key, byte[] in, int offset, byte[] associatedData)
            throws GeneralSecurityException;
}
