package dev.openesc.server.store;

import java.time.Instant;

/**
 * An access token as stored: never its secret text. {@code expires}, {@code revoked} and
 * {@code lastUsed} are null when not applicable.
 */
public record AccessToken(String id, String userLogin, String description, Instant created, Instant expires,
                          Instant revoked, Instant lastUsed) {

    public boolean usableAt(Instant now) {
        return revoked == null && (expires == null || now.isBefore(expires));
    }
}
