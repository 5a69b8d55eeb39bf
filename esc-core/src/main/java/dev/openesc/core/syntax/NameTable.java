package dev.openesc.core.syntax;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The property names read from the interpolations of one document, each kept once: a document refers to the same
 * few names over and over ({@code ${app.region}} in a hundred values), and every parsed name lives as long as the
 * parsed definition. Sharing them removes a string and its bytes per reference from what the collector keeps
 * copying while a large environment is evaluated. Strings are immutable, so sharing cannot change a result.
 *
 * <p>Names are looked up by their UTF-8 bytes, so that a name seen before is found without decoding it into a
 * string first (that string was garbage at every reference but the first). The table is open-addressed: a
 * document has few distinct names. The decoder keeps one for the values it keeps as their text and name
 * ({@link OneNameValue}), and the parser one, which adopts the decoder's strings.
 */
public final class NameTable {
    private String[] names = new String[16];
    private byte[][] spellings = new byte[16][];
    private int[] hashes = new int[16];
    private int size;

    /** The name spelt by {@code length} UTF-8 bytes of {@code text} from {@code from}, the same string every time. */
    public String share(byte[] text, int from, int length) {
        int hash = hash(text, from, length);
        int mask = names.length - 1;
        int slot = hash & mask;
        while (names[slot] != null) {
            if (hashes[slot] == hash
                    && Arrays.equals(spellings[slot], 0, spellings[slot].length, text, from, from + length)) {
                return names[slot];
            }
            slot = (slot + 1) & mask;
        }
        return add(slot, new String(text, from, length, StandardCharsets.UTF_8),
                Arrays.copyOfRange(text, from, from + length), hash);
    }

    /** Keeps a name not seen before in the free {@code slot} its hash led to. */
    private String add(int slot, String name, byte[] spelling, int hash) {
        names[slot] = name;
        spellings[slot] = spelling;
        hashes[slot] = hash;
        if (++size * 2 > names.length) {
            grow();
        }
        return name;
    }

    /**
     * The name spelt by the {@code length} characters of {@code text} from {@code from}, all ASCII (so each is its
     * own UTF-8 byte): the same string {@link #share(byte[], int, int)} gives for those bytes.
     */
    public String shareAscii(String text, int from, int length) {
        int h = 1;
        for (int i = from; i < from + length; i++) {
            h = 31 * h + text.charAt(i);
        }
        int hash = h ^ (h >>> 16);
        int mask = names.length - 1;
        int slot = hash & mask;
        while (names[slot] != null) {
            if (hashes[slot] == hash && spellings[slot].length == length && text.startsWith(names[slot], from)) {
                return names[slot];
            }
            slot = (slot + 1) & mask;
        }
        byte[] spelling = new byte[length];
        for (int i = 0; i < length; i++) {
            spelling[i] = (byte) text.charAt(from + i);
        }
        return add(slot, text.substring(from, from + length), spelling, hash);
    }

    private static int hash(byte[] text, int from, int length) {
        int h = 1;
        for (int i = from; i < from + length; i++) {
            h = 31 * h + text[i];
        }
        return h ^ (h >>> 16);
    }

    private void grow() {
        String[] oldNames = names;
        byte[][] oldSpellings = spellings;
        int[] oldHashes = hashes;
        names = new String[oldNames.length * 2];
        spellings = new byte[names.length][];
        hashes = new int[names.length];
        int mask = names.length - 1;
        for (int i = 0; i < oldNames.length; i++) {
            if (oldNames[i] != null) {
                int slot = oldHashes[i] & mask;
                while (names[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                names[slot] = oldNames[i];
                spellings[slot] = oldSpellings[i];
                hashes[slot] = oldHashes[i];
            }
        }
    }
}
