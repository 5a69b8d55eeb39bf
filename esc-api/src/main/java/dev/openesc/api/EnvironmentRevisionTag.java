package dev.openesc.api;

import java.time.Instant;

/** A named revision; {@code latest} always exists and names the newest. */
public record EnvironmentRevisionTag(String name, long revision, Instant created, Instant modified,
                                     String editorLogin, String editorName) {

    public static final String LATEST = "latest";
}
