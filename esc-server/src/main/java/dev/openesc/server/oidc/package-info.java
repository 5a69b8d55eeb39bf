/**
 * The server as an OpenID Connect issuer, so that login providers obtain cloud credentials without any
 * stored secret. {@link dev.openesc.server.oidc.OidcIssuer} names the issuer ({@code <public URL>/oidc})
 * and serves its discovery document and JWKS; {@link dev.openesc.server.oidc.TokenIssuer} signs ID
 * tokens with the claims of the reference; {@link dev.openesc.server.oidc.KeyRotation} keeps RS256 keys
 * (each with a self-signed certificate in {@code x5c}) in the shared store, published before they sign
 * and until their last token expires. {@link dev.openesc.server.oidc.Oidc} wires the three.
 */
package dev.openesc.server.oidc;
