package dev.openesc.api;

import java.util.Objects;

/**
 * A token just created: the only time its secret text exists outside the caller's hands. The server keeps
 * a hash of it; {@link #toString()} leaves it out so that it cannot reach a log by accident.
 */
public record NewAccessToken(AccessTokenInfo token, String secret) {

    public NewAccessToken {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(secret, "secret");
    }

    @Override
    public String toString() {
        return "NewAccessToken[" + token + ", secret=<redacted>]";
    }
}
