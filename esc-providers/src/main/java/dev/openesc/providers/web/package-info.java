/**
 * JSON over {@code java.net.http} for the cloud APIs OpenESC calls without an SDK (Google's STS and IAM
 * credentials, Vault): a bounded wait, and every failure turned into a {@link dev.openesc.core.provider.ProviderException}
 * that carries the service's own reason and nothing secret.
 */
package dev.openesc.providers.web;
