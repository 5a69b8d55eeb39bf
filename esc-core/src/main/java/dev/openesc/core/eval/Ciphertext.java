package dev.openesc.core.eval;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.CRC32;

/**
 * The envelope around stored ciphertext: base64 of {@code "escx"}, a big-endian version (1), the ciphertext and a
 * big-endian CRC-32 of everything before it.
 */
final class Ciphertext {
    private Ciphertext() {}

    /** Unwraps the envelope; the exception message is the reason shown to the user (e.g. {@code EOF}). */
    static byte[] decode(String text) {
        byte[] bin;
        try {
            bin = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException("illegal base64 data at input byte " + firstBadByte(text));
        }
        if (bin.length < 16) {
            throw new IllegalArgumentException("EOF");
        }
        if (!(bin[0] == 'e' && bin[1] == 's' && bin[2] == 'c' && bin[3] == 'x')) {
            throw new IllegalArgumentException("invalid header");
        }
        CRC32 crc = new CRC32();
        crc.update(bin, 0, bin.length - 4);
        long expected = ByteBuffer.wrap(bin, bin.length - 4, 4).getInt() & 0xffffffffL;
        if (crc.getValue() != expected) {
            throw new IllegalArgumentException("invalid checksum");
        }
        if (ByteBuffer.wrap(bin, 4, 4).getInt() != 1) {
            throw new IllegalArgumentException("unsupported version");
        }
        return Arrays.copyOfRange(bin, 8, bin.length - 4);
    }

    /** Wraps ciphertext in the envelope. */
    static String encode(byte[] ciphertext) {
        ByteBuffer b = ByteBuffer.allocate(12 + ciphertext.length);
        b.put(new byte[] {'e', 's', 'c', 'x'}).putInt(1).put(ciphertext);
        CRC32 crc = new CRC32();
        crc.update(b.array(), 0, 8 + ciphertext.length);
        b.putInt((int) crc.getValue());
        return Base64.getEncoder().encodeToString(b.array());
    }

    private static int firstBadByte(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+'
                    || c == '/' || c == '=';
            if (!ok) {
                return i;
            }
        }
        return text.length() - (text.length() % 4);
    }
}
