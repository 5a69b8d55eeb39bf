package dev.openesc.api;

import java.util.Objects;

/**
 * Where and how to clone an environment ({@code POST .../clone}); the target is in the source's organization.
 *
 * @param version                 the source revision to clone, or null for the latest
 * @param preserveHistory         copy every revision up to {@code version}, numbers, authors and times kept
 * @param preserveAccess          accepted for compatibility; access is per organization here, so a clone
 *                                always has the same access as its source
 * @param preserveEnvironmentTags copy the environment tags
 * @param preserveRevisionTags    copy the revision tags (with history only: numbers differ without it)
 */
public record CloneRequest(String project, String name, Long version, boolean preserveHistory,
                           boolean preserveAccess, boolean preserveEnvironmentTags, boolean preserveRevisionTags) {

    public CloneRequest {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(name, "name");
    }

    /** A clone of the latest revision with nothing else preserved. */
    public static CloneRequest plain(String project, String name) {
        return new CloneRequest(project, name, null, false, false, false, false);
    }
}
