package dev.openesc.server.crypto;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * AES-GCM decryption of Tink's layout (a 12-byte nonce, the ciphertext, a 16-byte tag) with BouncyCastle's
 * lightweight classes, called directly (not as a security provider): no provider list, no {@code SunJCE}, no crypto
 * policy files, which are most of what the JDK's {@code Cipher.getInstance} costs a process that decrypts a few
 * secrets once (docs/decisions.md 23). Its AES is table-based Java code; so is the JDK's until C2 compiles it onto
 * the CPU's AES instructions, which a short C1-only process never does. Hence only for such processes ({@link
 * AesGcmDecryption#LIGHTWEIGHT}). Refusals are the JDK's types: {@link AEADBadTagException} for a tag that does not
 * match, {@link GeneralSecurityException} for input too short to hold a nonce and a tag.
 */
final class LightweightAesGcm {

    private static final int TAG_BITS = JceAesGcm.TAG_BYTES * 8;

    private LightweightAesGcm() {
    }

    /**
     * Decrypts {@code in} from {@code offset} on (nonce, ciphertext, tag) under {@code associatedData}.
     *
     * @throws GeneralSecurityException if it is too short or does not authenticate
     */
    static byte[] decrypt(SecretKeySpec key, byte[] in, int offset, byte[] associatedData)
            throws GeneralSecurityException {
        int length = in.length - offset - JceAesGcm.NONCE_BYTES;
        if (length < JceAesGcm.TAG_BYTES) {
            throw new GeneralSecurityException("ciphertext too short");
        }
        byte[] nonce = Arrays.copyOfRange(in, offset, offset + JceAesGcm.NONCE_BYTES);
        byte[] keyBytes = key.getEncoded();
        GCMModeCipher cipher = GCMBlockCipher.newInstance(AESEngine.newInstance());
        try {
            cipher.init(false, new AEADParameters(new KeyParameter(keyBytes), TAG_BITS, nonce,
                    associatedData == null || associatedData.length == 0 ? null : associatedData));
        } finally {
            Arrays.fill(keyBytes, (byte) 0);
        }
        byte[] plaintext = new byte[length - JceAesGcm.TAG_BYTES];
        try {
            int written = cipher.processBytes(in, offset + JceAesGcm.NONCE_BYTES, length, plaintext, 0);
            written += cipher.doFinal(plaintext, written);
            if (written != plaintext.length) {
                throw new IllegalStateException("AES-GCM wrote " + written + " of " + plaintext.length + " bytes");
            }
            return plaintext;
        } catch (InvalidCipherTextException e) {
            // GCM writes plaintext before it checks the tag: none of it leaves here unauthenticated.
            Arrays.fill(plaintext, (byte) 0);
            throw new AEADBadTagException("decryption failed");
        }
    }
}
