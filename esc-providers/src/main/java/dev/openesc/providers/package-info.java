/**
 * The providers of {@code fn::open}: login providers that trade the server's OIDC tokens for short-lived cloud
 * credentials, and the registry {@link dev.openesc.providers.BuiltinProviders} the server and CLI load them from.
 * Every network call goes to an endpoint {@link dev.openesc.providers.ProviderSettings} can override.
 */
package dev.openesc.providers;
