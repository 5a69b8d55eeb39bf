package dev.openesc.server.crypto;

import java.security.InvalidKeyException;
import java.util.Arrays;

/**
 * The AES block cipher in the forward (encryption) direction only, as FIPS-197 defines it: the key expansion of its
 * section 5.2 and the cipher of section 5.1. Counter mode, and so GCM, never runs the inverse cipher, whichever way
 * it goes; this is all {@link LightweightAesGcm} needs (docs/decisions.md 29).
 *
 * <p>A block is four 32-bit words, one per column of the state, the row-0 byte in the word's high bits: the byte
 * order of the spec's input, so a block reads from and writes to bytes big-endian. SubBytes and ShiftRows are done
 * together by picking each output byte's source column; MixColumns works on a whole column word. The S-box is a table
 * lookup indexed by state bytes, as in the JDK's own Java AES and BouncyCastle's: not constant time on a CPU with a
 * cache, which docs/decisions.md 23 and 29 weigh for the processes that use this class.
 */
final class AesForwardCipher {

    /** FIPS-197 section 5.1.1: the multiplicative inverse in GF(2^8) followed by the affine transformation. */
    private static final int[] S_BOX = substitutionBox();

    private final int[] roundKeys;
    private final int rounds;

    /**
     * Expands {@code key} (16, 24 or 32 bytes). The caller keeps and wipes its own array.
     *
     * @throws InvalidKeyException for any other length
     */
    AesForwardCipher(byte[] key) throws InvalidKeyException {
        if (key.length != 16 && key.length != 24 && key.length != 32) {
            throw new InvalidKeyException("AES keys are 16, 24 or 32 bytes, not " + key.length);
        }
        int keyWords = key.length / 4;
        rounds = keyWords + 6;
        roundKeys = new int[4 * (rounds + 1)];
        for (int i = 0; i < keyWords; i++) {
            roundKeys[i] = wordAt(key, 4 * i);
        }
        int roundConstant = 0x01;
        for (int i = keyWords; i < roundKeys.length; i++) {
            int temp = roundKeys[i - 1];
            if (i % keyWords == 0) {
                temp = substituted(Integer.rotateLeft(temp, 8)) ^ (roundConstant << 24);
                roundConstant = timesX(roundConstant);
            } else if (keyWords > 6 && i % keyWords == 4) {
                temp = substituted(temp);
            }
            roundKeys[i] = roundKeys[i - keyWords] ^ temp;
        }
    }

    /** Encrypts the block in {@code state} (four column words) in place. */
    void encrypt(int[] state) {
        int s0 = state[0] ^ roundKeys[0];
        int s1 = state[1] ^ roundKeys[1];
        int s2 = state[2] ^ roundKeys[2];
        int s3 = state[3] ^ roundKeys[3];
        int k = 4;
        for (int round = 1; round < rounds; round++, k += 4) {
            int t0 = mixColumn(shiftedColumn(s0, s1, s2, s3)) ^ roundKeys[k];
            int t1 = mixColumn(shiftedColumn(s1, s2, s3, s0)) ^ roundKeys[k + 1];
            int t2 = mixColumn(shiftedColumn(s2, s3, s0, s1)) ^ roundKeys[k + 2];
            int t3 = mixColumn(shiftedColumn(s3, s0, s1, s2)) ^ roundKeys[k + 3];
            s0 = t0;
            s1 = t1;
            s2 = t2;
            s3 = t3;
        }
        // The last round has no MixColumns.
        state[0] = shiftedColumn(s0, s1, s2, s3) ^ roundKeys[k];
        state[1] = shiftedColumn(s1, s2, s3, s0) ^ roundKeys[k + 1];
        state[2] = shiftedColumn(s2, s3, s0, s1) ^ roundKeys[k + 2];
        state[3] = shiftedColumn(s3, s0, s1, s2) ^ roundKeys[k + 3];
    }

    /** Zeroes the key schedule: nothing of the key stays in this object once its caller is done. */
    void erase() {
        Arrays.fill(roundKeys, 0);
    }

    /** The big-endian word at {@code offset}. */
    static int wordAt(byte[] bytes, int offset) {
        return (bytes[offset] & 0xff) << 24 | (bytes[offset + 1] & 0xff) << 16 | (bytes[offset + 2] & 0xff) << 8
                | bytes[offset + 3] & 0xff;
    }

    /**
     * One output column of SubBytes after ShiftRows: row r of column c comes from column c + r, so the caller passes
     * the columns starting at this one, in order.
     */
    private static int shiftedColumn(int own, int next, int second, int third) {
        return S_BOX[own >>> 24] << 24 | S_BOX[next >>> 16 & 0xff] << 16 | S_BOX[second >>> 8 & 0xff] << 8
                | S_BOX[third & 0xff];
    }

    /**
     * MixColumns on one column: each byte becomes 2·a(r) + 3·a(r+1) + a(r+2) + a(r+3) over GF(2^8). Rotating the
     * word left by one byte lines a(r+1) up under a(r), so the whole column is one expression, with 3·a = 2·a + a.
     */
    private static int mixColumn(int column) {
        int next = Integer.rotateLeft(column, 8);
        return timesXInEachByte(column ^ next) ^ next ^ Integer.rotateLeft(column, 16)
                ^ Integer.rotateLeft(column, 24);
    }

    /** Multiplies each of the word's four bytes by x (that is, by 2) modulo x^8 + x^4 + x^3 + x + 1. */
    private static int timesXInEachByte(int word) {
        return (word & 0x7f7f7f7f) << 1 ^ (word >>> 7 & 0x01010101) * 0x1b;
    }

    private static int timesX(int b) {
        return (b << 1 ^ (b >>> 7) * 0x1b) & 0xff;
    }

    private static int substituted(int word) {
        return S_BOX[word >>> 24] << 24 | S_BOX[word >>> 16 & 0xff] << 16 | S_BOX[word >>> 8 & 0xff] << 8
                | S_BOX[word & 0xff];
    }

    /**
     * The S-box from its definition. The inverses come from powers of 3, a generator of GF(2^8)'s multiplicative
     * group: with 3^i for every i, the inverse of 3^i is 3^(255 - i). Cheaper at class initialisation than inverting
     * each byte separately, and nothing to mistype, unlike a copied table; the test checks it against the definition
     * and FIPS-197's Figure 7 both.
     */
    private static int[] substitutionBox() {
        int[] power = new int[255];
        int[] logarithm = new int[256];
        int p = 1;
        for (int i = 0; i < 255; i++) {
            power[i] = p;
            logarithm[p] = i;
            p ^= timesX(p); // p * 3 = p * 2 + p
        }
        int[] box = new int[256];
        for (int b = 0; b < 256; b++) {
            int inverse = b == 0 ? 0 : power[(255 - logarithm[b]) % 255];
            // The affine transformation: b_i ^ b_(i+4) ^ b_(i+5) ^ b_(i+6) ^ b_(i+7) ^ c_i, c = 0x63, as rotations.
            int rotations = inverse ^ rotateByteLeft(inverse, 1) ^ rotateByteLeft(inverse, 2)
                    ^ rotateByteLeft(inverse, 3) ^ rotateByteLeft(inverse, 4);
            box[b] = rotations ^ 0x63;
        }
        return box;
    }

    private static int rotateByteLeft(int b, int distance) {
        return (b << distance | b >>> (8 - distance)) & 0xff;
    }

    /** The S-box's entry for {@code b}; for the test. */
    static int substitute(int b) {
        return S_BOX[b];
    }
}
