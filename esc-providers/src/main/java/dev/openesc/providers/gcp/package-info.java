/**
 * {@code gcp-login}: workload identity federation (Google STS token exchange, then service account impersonation
 * through the IAM credentials API) or a given access token, over plain HTTP to overridable endpoints.
 */
package dev.openesc.providers.gcp;
