package dev.openesc.server.store;

import java.time.Instant;

/** A free-form name/value label on an environment (not tied to a revision). */
public record EnvironmentTag(String name, String value, Instant created, Instant modified, String editorLogin,
                             String editorName) {
}
