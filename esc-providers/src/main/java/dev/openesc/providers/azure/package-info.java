/**
 * {@code azure-login}: the ids of an Entra application with a token for workload identity federation (audience
 * {@code azure:<org>}) or its client secret, for Azure's own tools to exchange.
 */
package dev.openesc.providers.azure;
