package dev.openesc.server.crypto;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-GCM decryption of Tink's layout (a 12-byte nonce, the ciphertext, a 16-byte tag) straight through the JDK's
 * {@code AES/GCM/NoPadding}, found in the security providers' configured order as Tink finds it. It exists for the
 * opening of an environment: Tink's own primitive first runs its FIPS check, which starts {@code java.util.logging},
 * and the keyset's protobuf classes start protobuf's version check, which does too; a command that only decrypts need
 * not pay for either. Encryption stays with Tink (its nonces, its checks).
 */
final class JceAesGcm {

    static final int NONCE_BYTES = 12;
    static final int TAG_BYTES = 16;

    private JceAesGcm() {
    }

    /**
     * Decrypts {@code in} from {@code offset} on (nonce, ciphertext, tag) under {@code associatedData}.
     *
     * @throws GeneralSecurityException if it is too short or does not authenticate
     */
    static byte[] decrypt(SecretKeySpec key, byte[] in, int offset, byte[] associatedData)
            throws GeneralSecurityException {
        if (in.length - offset < NONCE_BYTES + TAG_BYTES) {
            throw new GeneralSecurityException("ciphertext too short");
        }
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BYTES * 8, in, offset, NONCE_BYTES));
        if (associatedData != null && associatedData.length > 0) {
            cipher.updateAAD(associatedData);
        }
        return cipher.doFinal(in, offset + NONCE_BYTES, in.length - offset - NONCE_BYTES);
    }
}
