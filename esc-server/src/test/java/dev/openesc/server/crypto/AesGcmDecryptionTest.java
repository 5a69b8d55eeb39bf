package dev.openesc.server.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.google.crypto.tink.subtle.AesGcmJce;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Random;
import javax.crypto.AEADBadTagException;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The CLI's own AES-GCM ({@link AesGcmDecryption#LIGHTWEIGHT}) against the JDK's ({@link AesGcmDecryption#JDK}) and
 * Tink's: on ciphertexts Tink made, under both its key sizes, plaintexts across block boundaries and associated data
 * present or not, the two decrypt to the same bytes, and refuse every flipped bit (of the nonce, ciphertext, tag or
 * associated data) and every truncation with the same exception type.
 */
class AesGcmDecryptionTest {

    private static final int[] KEY_SIZES = {16, 32}; // the sizes Tink makes

    @Test
    void bothOpenWhatTinkSealedToTheSameBytes() throws Exception {
        Random random = new Random(2026);
        for (int keySize : KEY_SIZES) {
            for (int length = 0; length <= 70; length++) {
                byte[] key = bytes(random, keySize);
                byte[] plaintext = bytes(random, length);
                byte[] associated = length % 3 == 0 ? new byte[0] : bytes(random, random.nextInt(40));
                byte[] sealed = new AesGcmJce(key).encrypt(plaintext, associated);
                SecretKeySpec spec = new SecretKeySpec(key, "AES");

                for (AesGcmDecryption decryption : AesGcmDecryption.values()) {
                    assertThat(decryption.decrypt(spec, sealed, 0, associated))
                            .as("%s, key %d, length %d", decryption, keySize, length).isEqualTo(plaintext);
                }
                if (associated.length == 0) {
                    assertThat(AesGcmDecryption.LIGHTWEIGHT.decrypt(spec, sealed, 0, null)).isEqualTo(plaintext);
                }
            }
        }
        // A long one, and one after a prefix (the keyset's five bytes of output prefix are skipped by offset).
        byte[] key = bytes(random, 32);
        byte[] plaintext = bytes(random, 100_003);
        byte[] sealed = new AesGcmJce(key).encrypt(plaintext, null);
        byte[] prefixed = new byte[5 + sealed.length];
        System.arraycopy(sealed, 0, prefixed, 5, sealed.length);
        for (AesGcmDecryption decryption : AesGcmDecryption.values()) {
            assertThat(decryption.decrypt(new SecretKeySpec(key, "AES"), prefixed, 5, null)).isEqualTo(plaintext);
        }
    }

    @Test
    void bothRefuseEveryAlterationAndTruncationWithTheSameType() throws Exception {
        Random random = new Random(7);
        byte[] associated = "acme\0fn::secret".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int refusals = 0;
        // Plaintexts of no block, part of one, one, a block and a bit, several; with associated data and without.
        for (int length : new int[] {0, 1, 15, 16, 17, 37}) {
            for (byte[] context : new byte[][] {associated, new byte[0]}) {
                byte[] key = bytes(random, length % 2 == 0 ? 32 : 16);
                SecretKeySpec spec = new SecretKeySpec(key, "AES");
                byte[] sealed = new AesGcmJce(key).encrypt(bytes(random, length), context);
                String what = "plaintext of " + length + ", associated data of " + context.length + ": ";

                for (int bit = 0; bit < 8 * sealed.length; bit++) {
                    assertSameRefusal(spec, flipped(sealed, bit), context, what + "bit " + bit);
                    refusals++;
                }
                for (int bit = 0; bit < 8 * context.length; bit++) {
                    assertSameRefusal(spec, sealed, flipped(context, bit), what + "associated data's bit " + bit);
                    refusals++;
                }
                for (int cut = 0; cut < sealed.length; cut++) {
                    assertSameRefusal(spec, Arrays.copyOf(sealed, cut), context, what + "cut to " + cut);
                    refusals++;
                }
                assertSameRefusal(spec, sealed, context.length == 0 ? new byte[1] : null, what + "other context");
                assertSameRefusal(new SecretKeySpec(bytes(random, key.length), "AES"), sealed, context,
                        what + "other key");
                // A tag that does not match is the JDK's AEADBadTagException from both.
                byte[] lastBit = sealed.clone();
                lastBit[lastBit.length - 1] ^= (byte) 0x80;
                assertThat(catchThrowable(() -> AesGcmDecryption.LIGHTWEIGHT.decrypt(spec, lastBit, 0, context)))
                        .isInstanceOf(AEADBadTagException.class);
            }
        }
        assertThat(refusals).isGreaterThan(4000);
    }

    private static void assertSameRefusal(SecretKeySpec key, byte[] ciphertext, byte[] associated, String what) {
        Throwable jdk = catchThrowable(() -> AesGcmDecryption.JDK.decrypt(key, ciphertext, 0, associated));
        Throwable lightweight = catchThrowable(
                () -> AesGcmDecryption.LIGHTWEIGHT.decrypt(key, ciphertext, 0, associated));
        assertThat(jdk).as("JDK, %s", what).isInstanceOf(GeneralSecurityException.class);
        assertThat(lightweight).as("lightweight, %s", what).isNotNull();
        assertThat(lightweight.getClass()).as("lightweight, %s", what).isEqualTo(jdk.getClass());
    }

    /** A copy of {@code bytes} with bit {@code bit} (counted from the first byte's lowest) flipped. */
    private static byte[] flipped(byte[] bytes, int bit) {
        byte[] copy = bytes.clone();
        copy[bit / 8] ^= (byte) (1 << bit % 8);
        return copy;
    }

    private static byte[] bytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
