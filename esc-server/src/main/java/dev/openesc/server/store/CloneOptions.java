package dev.openesc.server.store;

import java.util.Objects;

/**
 * How to clone an environment ({@code POST .../clone}). Access rules ({@code preserveAccess}) are not
 * stored with environments, so they are the service's business.
 *
 * @param version          the source revision to clone up to, or null for the latest
 * @param preserveHistory  copy every revision up to {@code version} (numbers, authors and times kept);
 *                         otherwise the clone starts at revision 1 with that revision's definition
 * @param preserveRevisionTags copy the source's revision tags that point at copied revisions; only
 *                         meaningful with history, since without it the revision numbers differ
 */
public record CloneOptions(EnvironmentId target, Long version, boolean preserveHistory,
                           boolean preserveEnvironmentTags, boolean preserveRevisionTags) {

    public CloneOptions {
        Objects.requireNonNull(target, "target");
    }

    public static CloneOptions plain(EnvironmentId target) {
        return new CloneOptions(target, null, false, false, false);
    }

    public static CloneOptions everything(EnvironmentId target) {
        return new CloneOptions(target, null, true, true, true);
    }
}
