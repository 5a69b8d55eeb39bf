package dev.openesc.server.store;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Unguessable identifiers (environments, sessions, tokens) from the system's strong random source. */
public final class RandomIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomIds() {
    }

    public static byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** 128 random bits as 32 lowercase hex digits. */
    public static String hex128() {
        return HexFormat.of().formatHex(bytes(16));
    }
}
