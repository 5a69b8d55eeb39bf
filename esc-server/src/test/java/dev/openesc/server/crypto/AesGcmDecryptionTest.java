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
 * BouncyCastle's AES-GCM ({@link AesGcmDecryption#LIGHTWEIGHT}) against the JDK's ({@link AesGcmDecryption#JDK}) and
 * Tink's: on ciphertexts Tink made, under both its key sizes, plaintexts across block boundaries and associated data
 * present or not, the two decrypt to the same bytes, and refuse every altered byte and every truncation with the
 * same exception type.
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
        byte[] key = bytes(random, 32);
        SecretKeySpec spec = new SecretKeySpec(key, "AES");
        byte[] associated = "acme\0fn::secret".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] sealed = new AesGcmJce(key).encrypt(bytes(random, 37), associated);

        for (int i = 0; i < sealed.length; i++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] tampered = sealed.clone();
                tampered[i] ^= (byte) (1 << bit);
                assertSameRefusal(spec, tampered, associated, "byte " + i + " bit " + bit);
            }
        }
        for (int length = 0; length < sealed.length; length++) {
            assertSameRefusal(spec, Arrays.copyOf(sealed, length), associated, "cut to " + length);
        }
        byte[] otherContext = associated.clone();
        otherContext[0] = 'b';
        assertSameRefusal(spec, sealed, otherContext, "other associated data");
        assertSameRefusal(spec, sealed, null, "no associated data");
        assertSameRefusal(new SecretKeySpec(bytes(random, 32), "AES"), sealed, associated, "other key");
        // A tag that does not match is the JDK's AEADBadTagException from both.
        assertThat(catchThrowable(() -> AesGcmDecryption.LIGHTWEIGHT.decrypt(spec, sealed, 0, null)))
                .isInstanceOf(AEADBadTagException.class);
    }

    private static void assertSameRefusal(SecretKeySpec key, byte[] ciphertext, byte[] associated, String what) {
        Throwable jdk = catchThrowable(() -> AesGcmDecryption.JDK.decrypt(key, ciphertext, 0, associated));
        Throwable lightweight = catchThrowable(
                () -> AesGcmDecryption.LIGHTWEIGHT.decrypt(key, ciphertext, 0, associated));
        assertThat(jdk).as("JDK, %s", what).isInstanceOf(GeneralSecurityException.class);
        assertThat(lightweight).as("lightweight, %s", what).isNotNull();
        assertThat(lightweight.getClass()).as("lightweight, %s", what).isEqualTo(jdk.getClass());
    }

    private static byte[] bytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
