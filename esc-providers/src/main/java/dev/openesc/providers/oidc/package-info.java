/**
 * The OIDC side of the login providers: {@link dev.openesc.providers.oidc.LoginTokens} (the token a provider
 * presents, from the execution context and its inputs), {@link dev.openesc.providers.oidc.Inputs} (reading a
 * provider's inputs), {@link dev.openesc.providers.oidc.LoginProvider} (the base of the login providers), and the
 * generic {@code oidc} provider that returns a token for any audience.
 */
package dev.openesc.providers.oidc;
