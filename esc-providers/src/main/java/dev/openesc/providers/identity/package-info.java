/**
 * What a login provider asks of the OIDC issuer: the request (claims), the token it gets back, and the
 * {@link dev.openesc.providers.identity.IdentityTokens} seam the server's issuer implements.
 */
package dev.openesc.providers.identity;
