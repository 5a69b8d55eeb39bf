package dev.openesc.providers.identity;

import java.time.Instant;

/** A signed token and what a caller needs to know about it without parsing it. */
public record IdToken(String token, String kid, String subject, String audience, Instant expires) {

    @Override
    public String toString() {
        // The token is a bearer credential: never in logs.
        return "IdToken[kid=" + kid + ", sub=" + subject + ", aud=" + audience + ", exp=" + expires + "]";
    }
}
