package dev.openesc.core.crypt;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.CRC32;

/**
 * The envelope ciphertext is stored in inside documents: the bytes {@code "escx"}, a big-endian 4-byte version
 * (1), the ciphertext, and a big-endian CRC-32 (IEEE) of everything before it; the whole is written in standard
 * base64. The checksum makes it very unlikely that a plaintext value is mistaken for ciphertext.
 */
public final class CiphertextEnvelope {
    private CiphertextEnvelope() {}

    private static final byte[] MAGIC = {'e', 's', 'c', 'x'};
    private static final int VERSION = 1;
    /** The reference refuses envelopes shorter than this (so ciphertext must be at least 4 bytes). */
    private static final int MIN_LENGTH = 16;

    /** Wraps ciphertext in an envelope and encodes it as base64. */
    public static String seal(byte[] ciphertext) {
        ByteBuffer b = ByteBuffer.allocate(MAGIC.length + 4 + ciphertext.length + 4);
        b.put(MAGIC).putInt(VERSION).put(ciphertext);
        CRC32 crc = new CRC32();
        crc.update(b.array(), 0, b.position());
        b.putInt((int) crc.getValue());
        return Base64.getEncoder().encodeToString(b.array());
    }

    /**
     * Checks and unwraps an envelope. Failures are reported as the reference words them, e.g.
     * {@code invalid ciphertext: EOF} for an envelope that is too short.
     */
    public static byte[] open(String base64) throws CryptException {
        byte[] bin = decodeBase64(base64);
        if (bin.length < MIN_LENGTH) {
            throw invalid("EOF");
        }
        if (!Arrays.equals(Arrays.copyOfRange(bin, 0, 4), MAGIC)) {
            throw invalid("invalid header");
        }
        ByteBuffer b = ByteBuffer.wrap(bin);
        int expectedChecksum = b.getInt(bin.length - 4);
        CRC32 crc = new CRC32();
        crc.update(bin, 0, bin.length - 4);
        if ((int) crc.getValue() != expectedChecksum) {
            throw invalid("invalid checksum");
        }
        if (b.getInt(4) != VERSION) {
            throw invalid("unsupported version");
        }
        return Arrays.copyOfRange(bin, 8, bin.length - 4);
    }

    private static CryptException invalid(String why) {
        return new CryptException("invalid ciphertext: " + why);
    }

    /** Strict standard base64 (with padding), reporting the first bad input byte like the reference does. */
    private static byte[] decodeBase64(String s) throws CryptException {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            boolean alphabet = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+'
                    || c == '/';
            if (c == '\r' || c == '\n') {
                continue;
            }
            if (c == '=') {
                // Padding may only end the input: at most two characters, completing a 4-character group.
                String rest = s.substring(i).replace("\r", "").replace("\n", "");
                int groupPos = s.substring(0, i).replace("\r", "").replace("\n", "").length() % 4;
                boolean ok = (groupPos == 2 && rest.equals("==")) || (groupPos == 3 && rest.equals("="));
                if (!ok) {
                    throw invalid("illegal base64 data at input byte " + i);
                }
                break;
            }
            if (!alphabet) {
                throw invalid("illegal base64 data at input byte " + i);
            }
        }
        String clean = s.replace("\r", "").replace("\n", "");
        if (clean.length() % 4 != 0) {
            throw invalid("illegal base64 data at input byte " + n);
        }
        try {
            return Base64.getDecoder().decode(clean);
        } catch (IllegalArgumentException e) {
            throw invalid("illegal base64 data at input byte " + n);
        }
    }
}
