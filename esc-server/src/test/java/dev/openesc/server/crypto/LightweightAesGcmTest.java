package dev.openesc.server.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Random;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The CLI's AES-GCM decryption ({@link LightweightAesGcm}) against the test cases published with GCM's
 * specification (those with a 96-bit IV, for both key sizes Tink makes) and, differentially, against the JDK's
 * {@code AES/GCM/NoPadding} on thousands of random keys, nonces, plaintexts and associated data.
 */
class LightweightAesGcmTest {

    private static final HexFormat HEX = HexFormat.of();

    private static final String ZERO_128 = "00000000000000000000000000000000";
    private static final String ZERO_256 = ZERO_128 + ZERO_128;
    private static final String ZERO_IV = "000000000000000000000000";
    private static final String KEY = "feffe9928665731c6d6a8f9467308308";
    private static final String IV = "cafebabefacedbaddecaf888";
    private static final String PLAINTEXT = "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
            + "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b391aafd255";
    private static final String PLAINTEXT_60 = PLAINTEXT.substring(0, 120);
    private static final String AAD = "feedfacedeadbeeffeedfacedeadbeefabaddad2";

    /** Test cases 1 to 4 (AES-128) and 13 to 16 (AES-256): key, IV, plaintext, associated data, ciphertext, tag. */
    private static final String[][] CASES = {
        {ZERO_128, ZERO_IV, "", "", "", "58e2fccefa7e3061367f1d57a4e7455a"},
        {ZERO_128, ZERO_IV, ZERO_128, "", "0388dace60b6a392f328c2b971b2fe78", "ab6e47d42cec13bdf53a67b21257bddf"},
        {KEY, IV, PLAINTEXT, "", "42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e"
                + "21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091473f5985",
            "4d5c2af327cd64a62cf35abd2ba6fab4"},
        {KEY, IV, PLAINTEXT_60, AAD, "42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e"
                + "21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091",
            "5bc94fbc3221a5db94fae95ae7121a47"},
        {ZERO_256, ZERO_IV, "", "", "", "530f8afbc74536b9a963b4f1c4cb738b"},
        {ZERO_256, ZERO_IV, ZERO_128, "", "cea7403d4d606b6e074ec5d3baf39d18", "d0d1c8a799996bf0265b98b5d48ab919"},
        {KEY + KEY, IV, PLAINTEXT, "", "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa"
                + "8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662898015ad",
            "b094dac5d93471bdec1a502270e3cc6c"},
        {KEY + KEY, IV, PLAINTEXT_60, AAD, "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa"
                + "8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662",
            "76fc6ece0f4e1768cddf8853bb2d551b"},
    };

    @Test
    void decryptsThePublishedTestCasesAndRefusesThemWithAnotherTag() throws Exception {
        for (String[] each : CASES) {
            SecretKeySpec key = new SecretKeySpec(HEX.parseHex(each[0]), "AES");
            byte[] sealed = HEX.parseHex(each[1] + each[4] + each[5]);
            byte[] associated = HEX.parseHex(each[3]);
            String name = "key " + each[0] + ", plaintext of " + each[2].length() / 2 + " bytes";

            assertThat(HEX.formatHex(LightweightAesGcm.decrypt(key, sealed, 0, associated))).as(name)
                    .isEqualTo(each[2]);
            // The JDK reads the vectors the same way: they are transcribed right.
            assertThat(HEX.formatHex(JceAesGcm.decrypt(key, sealed, 0, associated))).as(name).isEqualTo(each[2]);

            sealed[sealed.length - 1] ^= 1;
            assertThat(catchThrowable(() -> LightweightAesGcm.decrypt(key, sealed, 0, associated))).as(name)
                    .isInstanceOf(AEADBadTagException.class);
        }
    }

    @Test
    void agreesWithTheJdkOnThousandsOfRandomCases() throws Exception {
        Random random = new Random(80_038);
        Cipher jdk = Cipher.getInstance("AES/GCM/NoPadding");
        int cases = 0;
        for (int keySize : new int[] {16, 32}) {
            for (int length = 0; length <= 300; length++) {
                for (int associatedLength : new int[] {0, 1 + random.nextInt(15), 16, 17 + random.nextInt(60)}) {
                    agree(jdk, random, keySize, length, associatedLength);
                    cases++;
                }
            }
        }
        for (int n = 0; n < 4; n++) {
            agree(jdk, random, n % 2 == 0 ? 16 : 32, 100_000 + random.nextInt(64), random.nextInt(3) * 20);
            cases++;
        }
        assertThat(cases).isGreaterThan(2400);
    }

    @Test
    void refusesInputTooShortForANonceAndATagWithAPlainSecurityException() {
        SecretKeySpec key = new SecretKeySpec(new byte[16], "AES");
        for (int length = 0; length < JceAesGcm.NONCE_BYTES + JceAesGcm.TAG_BYTES; length++) {
            byte[] in = new byte[length];
            Throwable refusal = catchThrowable(() -> LightweightAesGcm.decrypt(key, in, 0, null));
            assertThat(refusal).isInstanceOf(GeneralSecurityException.class).isNotInstanceOf(AEADBadTagException.class);
        }
    }

    private static void agree(Cipher jdk, Random random, int keySize, int length, int associatedLength)
            throws GeneralSecurityException {
        byte[] key = bytes(random, keySize);
        byte[] nonce = bytes(random, JceAesGcm.NONCE_BYTES);
        byte[] plaintext = bytes(random, length);
        byte[] associated = bytes(random, associatedLength);
        jdk.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
        jdk.updateAAD(associated);
        byte[] sealed = jdk.doFinal(plaintext);
        // Behind a prefix, as a keyset's ciphertext comes (its five bytes are skipped by offset).
        int offset = random.nextInt(6);
        byte[] in = new byte[offset + nonce.length + sealed.length];
        System.arraycopy(nonce, 0, in, offset, nonce.length);
        System.arraycopy(sealed, 0, in, offset + nonce.length, sealed.length);

        byte[] opened = LightweightAesGcm.decrypt(new SecretKeySpec(key, "AES"), in, offset,
                associatedLength == 0 && random.nextBoolean() ? null : associated);
        assertThat(opened).as("key of %d, plaintext of %d, associated data of %d", keySize, length, associatedLength)
                .isEqualTo(plaintext);
    }

    private static byte[] bytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
