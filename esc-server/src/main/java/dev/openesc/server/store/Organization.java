package dev.openesc.server.store;

import java.time.Instant;

public record Organization(String name, Instant created) {
}
