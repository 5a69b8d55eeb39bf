package dev.openesc.server.store;

import java.time.Instant;

/** @param email null when unknown */
public record User(String login, String name, String email, Instant created) {
}
