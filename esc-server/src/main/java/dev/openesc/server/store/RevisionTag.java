package dev.openesc.server.store;

import java.time.Instant;

/** A name for one revision of an environment; {@code latest} always names the newest. */
public record RevisionTag(String name, long revision, Instant created, Instant modified, String editorLogin,
                          String editorName) {

    public static final String LATEST = "latest";
}
