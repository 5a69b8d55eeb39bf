package dev.openesc.api;

import java.time.Instant;

/** A name/value label on an environment. */
public record EnvironmentTag(String name, String value, Instant created, Instant modified, String editorLogin,
                             String editorName) {
}
