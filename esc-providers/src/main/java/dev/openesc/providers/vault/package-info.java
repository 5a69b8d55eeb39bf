/**
 * {@code vault-login}: a Vault token from the JWT auth method (our token, audience the bare organization) or a
 * child of a given token.
 */
package dev.openesc.providers.vault;
