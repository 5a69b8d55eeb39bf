package dev.openesc.server.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.InvalidKeyException;
import java.util.HexFormat;
import java.util.Random;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The block cipher of the CLI's AES-GCM ({@link AesForwardCipher}) against FIPS-197 (its S-box's definition and
 * Figure 7, the example of Appendix B, the vectors of Appendix C for each key size) and against the JDK's AES on
 * random keys and blocks.
 */
class AesForwardCipherTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void theSubstitutionBoxIsTheInverseFollowedByTheAffineTransformation() {
        for (int b = 0; b < 256; b++) {
            int inverse = 0;
            for (int candidate = 1; candidate < 256 && b != 0; candidate++) {
                if (multiply(b, candidate) == 1) {
                    inverse = candidate;
                }
            }
            int affine = 0;
            for (int bit = 0; bit < 8; bit++) {
                int value = bitOf(inverse, bit) ^ bitOf(inverse, (bit + 4) % 8) ^ bitOf(inverse, (bit + 5) % 8)
                        ^ bitOf(inverse, (bit + 6) % 8) ^ bitOf(inverse, (bit + 7) % 8) ^ bitOf(0x63, bit);
                affine |= value << bit;
            }
            assertThat(AesForwardCipher.substitute(b)).as("S(%02x)", b).isEqualTo(affine);
        }
        // Figure 7's corners and the example of section 5.1.1.
        assertThat(AesForwardCipher.substitute(0x00)).isEqualTo(0x63);
        assertThat(AesForwardCipher.substitute(0x53)).isEqualTo(0xed);
        assertThat(AesForwardCipher.substitute(0x0f)).isEqualTo(0x76);
        assertThat(AesForwardCipher.substitute(0xf0)).isEqualTo(0x8c);
        assertThat(AesForwardCipher.substitute(0xff)).isEqualTo(0x16);
    }

    @Test
    void encryptsTheVectorsOfFips197() throws Exception {
        // Appendix B
        assertThat(encrypt("2b7e151628aed2a6abf7158809cf4f3c", "3243f6a8885a308d313198a2e0370734"))
                .isEqualTo("3925841d02dc09fbdc118597196a0b32");
        // Appendix C.1, C.2, C.3
        String plaintext = "00112233445566778899aabbccddeeff";
        assertThat(encrypt("000102030405060708090a0b0c0d0e0f", plaintext))
                .isEqualTo("69c4e0d86a7b0430d8cdb78070b4c55a");
        assertThat(encrypt("000102030405060708090a0b0c0d0e0f1011121314151617", plaintext))
                .isEqualTo("dda97ca4864cdfe06eaf70a0ec0d7191");
        assertThat(encrypt("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f", plaintext))
                .isEqualTo("8ea2b7ca516745bfeafc49904b496089");
    }

    @Test
    void agreesWithTheJdksAesOnRandomKeysAndBlocks() throws Exception {
        Random random = new Random(197);
        Cipher jdk = Cipher.getInstance("AES/ECB/NoPadding");
        for (int keySize : new int[] {16, 24, 32}) {
            for (int n = 0; n < 300; n++) {
                byte[] key = new byte[keySize];
                random.nextBytes(key);
                byte[] block = new byte[16];
                random.nextBytes(block);
                jdk.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
                assertThat(encrypt(HEX.formatHex(key), HEX.formatHex(block)))
                        .as("key %s, block %s", HEX.formatHex(key), HEX.formatHex(block))
                        .isEqualTo(HEX.formatHex(jdk.doFinal(block)));
            }
        }
    }

    @Test
    void refusesKeysOfOtherLengths() {
        for (int length : new int[] {0, 8, 15, 17, 31, 33, 64}) {
            assertThatThrownBy(() -> new AesForwardCipher(new byte[length])).isInstanceOf(InvalidKeyException.class);
        }
    }

    @Test
    void erasingLeavesNoKeyBehind() throws Exception {
        AesForwardCipher cipher = new AesForwardCipher(HEX.parseHex("000102030405060708090a0b0c0d0e0f"));
        cipher.erase();
        int[] state = words(HEX.parseHex("00112233445566778899aabbccddeeff"));
        cipher.encrypt(state);
        // Under the erased schedule the vector of Appendix C.1 no longer comes out.
        assertThat(HEX.formatHex(bytes(state))).isNotEqualTo("69c4e0d86a7b0430d8cdb78070b4c55a");
    }

    private static String encrypt(String key, String block) throws InvalidKeyException {
        int[] state = words(HEX.parseHex(block));
        new AesForwardCipher(HEX.parseHex(key)).encrypt(state);
        return HEX.formatHex(bytes(state));
    }

    private static int[] words(byte[] block) {
        int[] words = new int[4];
        for (int i = 0; i < 4; i++) {
            words[i] = AesForwardCipher.wordAt(block, 4 * i);
        }
        return words;
    }

    private static byte[] bytes(int[] words) {
        byte[] bytes = new byte[16];
        for (int i = 0; i < 16; i++) {
            bytes[i] = (byte) (words[i / 4] >>> 24 - 8 * (i % 4));
        }
        return bytes;
    }

    /** Multiplication in GF(2^8) modulo x^8 + x^4 + x^3 + x + 1, the schoolbook way. */
    private static int multiply(int a, int b) {
        int product = 0;
        for (int bit = 0; bit < 8; bit++) {
            if ((b >>> bit & 1) != 0) {
                product ^= a << bit;
            }
        }
        for (int bit = 14; bit >= 8; bit--) {
            if ((product >>> bit & 1) != 0) {
                product ^= 0x11b << (bit - 8);
            }
        }
        return product;
    }

    private static int bitOf(int b, int bit) {
        return b >>> bit & 1;
    }
}
