package dev.openesc.api;

import java.time.Instant;
import java.util.Objects;

/**
 * An access token as its owner lists it: never its secret text, which is shown once, at creation.
 *
 * @param expires  null when it does not expire
 * @param lastUsed null when never used (recorded to the minute)
 * @param revoked  null when not revoked
 */
public record AccessTokenInfo(String id, String description, Instant created, Instant expires, Instant lastUsed,
                              Instant revoked) {

    public AccessTokenInfo {
        Objects.requireNonNull(id, "id");
    }
}
