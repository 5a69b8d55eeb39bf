package dev.openesc.server.crypto;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-GCM decryption of Tink's layout (a 12-byte nonce, the ciphertext, a 16-byte tag) in plain Java, per NIST SP
 * 800-38D section 7.2 with a 96-bit IV ({@link AesForwardCipher}, {@link Ghash}): no provider list, no {@code
 * SunJCE}, no crypto policy files, no library that starts {@code java.util.logging}, which are most of what
 * decrypting a few secrets once costs a short process (docs/decisions.md 23, 29). Its AES is table-based Java
 * code; so is the JDK's until C2 compiles it onto the CPU's AES instructions, which a C1-only process never does.
 * Hence only for such processes ({@link AesGcmDecryption#LIGHTWEIGHT}). Decryption only: Tink makes every ciphertext.
 *
 * <p>The tag is computed from the ciphertext and checked, in time that does not depend on where it differs, before
 * any plaintext exists: a ciphertext that does not authenticate is never decrypted. Refusals are the JDK's types:
 * {@link AEADBadTagException} for a tag that does not match, {@link GeneralSecurityException} for input too short to
 * hold a nonce and a tag.
 */
final class LightweightAesGcm {

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
        int ciphertextStart = offset + JceAesGcm.NONCE_BYTES;
        int ciphertextLength = length - JceAesGcm.TAG_BYTES;
        byte[] keyBytes = key.getEncoded();
        AesForwardCipher aes;
        try {
            aes = new AesForwardCipher(keyBytes);
        } finally {
            Arrays.fill(keyBytes, (byte) 0);
        }
        int[] block = new int[4];
        Ghash hash = null;
        try {
            aes.encrypt(block); // H, the hash subkey: the encrypted zero block
            hash = new Ghash(block);
            int associatedLength = associatedData == null ? 0 : associatedData.length;
            if (associatedLength > 0) {
                hash.update(associatedData, 0, associatedLength);
            }
            hash.update(in, ciphertextStart, ciphertextLength);
            hash.updateLengths(associatedLength, ciphertextLength);

            // J0 = IV || 0^31 || 1: its encryption masks the hash into the tag; counters from J0 + 1 on decrypt.
            int nonce0 = AesForwardCipher.wordAt(in, offset);
            int nonce1 = AesForwardCipher.wordAt(in, offset + 4);
            int nonce2 = AesForwardCipher.wordAt(in, offset + 8);
            counterBlock(block, nonce0, nonce1, nonce2, 1);
            aes.encrypt(block);
            int[] expected = hash.words();
            int tagStart = ciphertextStart + ciphertextLength;
            int difference = 0;
            for (int i = 0; i < 4; i++) {
                difference |= expected[i] ^ block[i] ^ AesForwardCipher.wordAt(in, tagStart + 4 * i);
            }
            Arrays.fill(expected, 0);
            if (difference != 0) {
                throw new AEADBadTagException("decryption failed");
            }

            byte[] plaintext = new byte[ciphertextLength];
            int counter = 2;
            for (int at = 0; at < ciphertextLength; at += 16, counter++) {
                counterBlock(block, nonce0, nonce1, nonce2, counter);
                aes.encrypt(block);
                int end = Math.min(at + 16, ciphertextLength);
                for (int i = at; i < end; i++) {
                    int keyStream = block[(i - at) >>> 2] >>> 24 - 8 * ((i - at) & 3);
                    plaintext[i] = (byte) (in[ciphertextStart + i] ^ keyStream);
                }
            }
            return plaintext;
        } finally {
            aes.erase();
            Arrays.fill(block, 0);
            if (hash != null) {
                hash.erase();
            }
        }
    }

    /** The counter block IV || counter (SP 800-38D's inc32 of J0, {@code counter - 1} times). */
    private static void counterBlock(int[] block, int nonce0, int nonce1, int nonce2, int counter) {
        block[0] = nonce0;
        block[1] = nonce1;
        block[2] = nonce2;
        block[3] = counter;
    }
}
