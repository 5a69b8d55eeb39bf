package dev.openesc.api;

import dev.openesc.core.value.Environment;

/** A session just opened and the environment it holds (secrets in plaintext). */
public record OpenedEnvironment(OpenedSession session, Environment environment) {
}
