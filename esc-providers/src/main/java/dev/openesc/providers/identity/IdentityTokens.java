package dev.openesc.providers.identity;

/**
 * Signs the OpenID Connect tokens that login providers trade for cloud credentials. The server's issuer
 * implements it; providers see only this, so they never touch signing keys.
 */
public interface IdentityTokens {

    /**
     * Issues a token with the claims of {@code request}.
     *
     * @throws IdentityTokenException when no token can be issued (no signing key yet, a lifetime over the limit);
     *                                its message is safe to show to the user of the environment
     */
    IdToken issue(TokenRequest request);

    /** Tokens that cannot be had: for a process with no issuer (a bare local backend without a public URL). */
    static IdentityTokens unavailable(String reason) {
        return request -> {
            throw new IdentityTokenException(reason);
        };
    }
}
