package dev.openesc.server;

import dev.openesc.providers.identity.IdToken;
import dev.openesc.providers.identity.IdentityTokenException;
import dev.openesc.providers.identity.IdentityTokens;
import dev.openesc.providers.identity.TokenRequest;

/**
 * The issuer's tokens for providers built before the issuer exists: the service (and its providers) must be
 * ready before the server listens, and the issuer needs the public URL, which may name the port only listening
 * tells. Until {@link #bind} a request fails with a message the caller can show.
 */
final class IssuerTokens implements IdentityTokens {

    private volatile IdentityTokens issuer;

    void bind(IdentityTokens bound) {
        this.issuer = bound;
    }

    @Override
    public IdToken issue(TokenRequest request) {
        IdentityTokens bound = issuer;
        if (bound == null) {
            throw new IdentityTokenException("the server's OIDC issuer is still starting; try again");
        }
        return bound.issue(request);
    }
}
