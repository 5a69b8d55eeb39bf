package dev.openesc.server.crypto;

/**
 * GCM's hash, GHASH (NIST SP 800-38D section 6.4), over the associated data, the ciphertext and their lengths: each
 * 16-byte block (the last of each part padded with zeros) is added to the running value Y, which is then multiplied
 * by the hash subkey H in GF(2^128).
 *
 * <p>A 128-bit value is two longs, the spec's leftmost bit the high bit of the first: the spec's bit order, with the
 * bytes read big-endian. The multiplication is the spec's Algorithm 1, bit by bit, with masks instead of branches:
 * its time does not depend on H or on the data, and it needs no table made from H.
 */
final class Ghash {

    /** R of Algorithm 1, 11100001 followed by 120 zero bits: the reduction by x^128 + x^7 + x^2 + x + 1. */
    private static final long REDUCTION = 0xE100000000000000L;

    private long subkeyHigh;
    private long subkeyLow;
    private long high;
    private long low;

    /** A hash under the subkey H = CIPH_K(0^128), given as its four big-endian words. */
    Ghash(int[] subkey) {
        subkeyHigh = (long) subkey[0] << 32 | subkey[1] & 0xffffffffL;
        subkeyLow = (long) subkey[2] << 32 | subkey[3] & 0xffffffffL;
    }

    /** Adds {@code length} bytes from {@code offset} on, the last block padded with zeros. */
    void update(byte[] bytes, int offset, int length) {
        int end = offset + length;
        int at = offset;
        for (; at + 16 <= end; at += 16) {
            absorb(longAt(bytes, at), longAt(bytes, at + 8));
        }
        if (at < end) {
            byte[] last = new byte[16];
            System.arraycopy(bytes, at, last, 0, end - at);
            absorb(longAt(last, 0), longAt(last, 8));
        }
    }

    /** Adds the final block: the associated data's and the ciphertext's lengths in bits, 64 bits each. */
    void updateLengths(long associatedBytes, long ciphertextBytes) {
        absorb(associatedBytes * 8, ciphertextBytes * 8);
    }

    /** The hash's 128 bits as four big-endian words, the layout {@link AesForwardCipher} works on. */
    int[] words() {
        return new int[] {(int) (high >>> 32), (int) high, (int) (low >>> 32), (int) low};
    }

    /** Zeroes the subkey and the running value. */
    void erase() {
        subkeyHigh = 0;
        subkeyLow = 0;
        high = 0;
        low = 0;
    }

    /** Y = (Y + X) · H. */
    private void absorb(long blockHigh, long blockLow) {
        long xHigh = high ^ blockHigh;
        long xLow = low ^ blockLow;
        long zHigh = 0;
        long zLow = 0;
        long vHigh = subkeyHigh;
        long vLow = subkeyLow;
        // Bit i of X, from the left: for each, Z += V if the bit is set; then V = V · x, which in this bit order is
        // a shift right, reduced by R when the bit shifted out was set. Shifting the bit to the sign and back
        // spreads it into an all-ones or all-zeros mask. (A long shifts by i mod 64, so bits 64 to 127 are the
        // low word's 0 to 63.)
        for (int i = 0; i < 128; i++) {
            long take = (i < 64 ? xHigh : xLow) << i >> 63;
            zHigh ^= vHigh & take;
            zLow ^= vLow & take;
            long carry = -(vLow & 1);
            vLow = vLow >>> 1 | vHigh << 63;
            vHigh = vHigh >>> 1 ^ carry & REDUCTION;
        }
        high = zHigh;
        low = zLow;
    }

    private static long longAt(byte[] bytes, int offset) {
        return (long) AesForwardCipher.wordAt(bytes, offset) << 32 | AesForwardCipher.wordAt(bytes, offset + 4)
                & 0xffffffffL;
    }
}
