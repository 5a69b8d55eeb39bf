package dev.openesc.core.crypt;

/**
 * The test cipher of the reference's conformance suite: every byte plus 128, modulo 256. It is its own inverse,
 * so one instance both encrypts and decrypts. Offers no secrecy whatsoever; for tests only.
 */
public final class Rot128 implements Encrypter, Decrypter {
    public static final Rot128 INSTANCE = new Rot128();

    @Override
    public byte[] encrypt(byte[] plaintext) {
        return rotate(plaintext);
    }

    @Override
    public byte[] decrypt(byte[] ciphertext) {
        return rotate(ciphertext);
    }

    private static byte[] rotate(byte[] in) {
        byte[] out = new byte[in.length];
        for (int i = 0; i < in.length; i++) {
            out[i] = (byte) (in[i] + 128);
        }
        return out;
    }
}
