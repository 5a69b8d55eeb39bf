package dev.openesc.server.service;

import dev.openesc.core.value.Environment;
import dev.openesc.core.value.WireJson;
import dev.openesc.core.value.WireJsonReader;
import java.nio.charset.StandardCharsets;

/**
 * An opened environment as kept in an open session: its wire JSON (the session store encrypts it). An
 * empty environment is {@code {}}, and reads back with every field null.
 */
final class SessionPayload {

    private static final Environment EMPTY = new Environment(null, null, null, null);

    private SessionPayload() {
    }

    static byte[] encode(Environment environment) {
        return WireJson.toJsonBytes(environment == null ? EMPTY : environment);
    }

    /**
     * The environment {@link #decode} of {@link #encode} gives, without the round trip: the evaluated environment,
     * or an empty one for none. The wire form keeps every field of an evaluated environment ({@code CheckAndOpenTest}
     * compares the two).
     */
    static Environment kept(Environment environment) {
        return environment == null ? EMPTY : environment;
    }

    static Environment decode(byte[] payload) {
        return WireJsonReader.environment(json(payload));
    }

    /** The payload's wire JSON text: what {@link WireJson#toJson} gives for the decoded environment. */
    static String json(byte[] payload) {
        return new String(payload, StandardCharsets.UTF_8);
    }
}
