package dev.openesc.api;

/**
 * The current version of an environment, as {@code HEAD} answers it.
 *
 * @param etag the entity tag of the revision, unquoted; changes with every new revision and with
 *             re-creation under the same name
 */
public record EnvironmentHead(EnvironmentRef environment, long revision, String etag) {
}
