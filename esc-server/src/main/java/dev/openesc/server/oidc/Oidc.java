package dev.openesc.server.oidc;

import dev.openesc.server.store.SigningKeyStore;
import java.time.Clock;

/** The issuer, its token signer and its rotation step over one key store: what a server builds once. */
public record Oidc(OidcIssuer issuer, TokenIssuer tokens, KeyRotation rotation) {

    /** @param publicUrl the server's URL as relying parties reach it */
    public static Oidc over(SigningKeyStore keys, Clock clock, String publicUrl, RotationPolicy policy) {
        OidcIssuer issuer = new OidcIssuer(publicUrl, keys);
        return new Oidc(issuer, new TokenIssuer(issuer, keys, clock), new KeyRotation(keys, policy, clock));
    }
}
