/**
 * The credential cache: outputs of {@link dev.openesc.providers.ExpiringProvider}s kept by provider, exact
 * inputs and caller until a safe margin before they expire, so a second open within the hour does not call the
 * cloud again. {@link dev.openesc.providers.BuiltinProviders} wraps every expiring provider in a
 * {@link dev.openesc.providers.cache.CachingProvider}.
 */
package dev.openesc.providers.cache;
