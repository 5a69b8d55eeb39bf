package dev.openesc.server.store;

import java.time.Instant;

public record Membership(String org, String userLogin, Role role, Instant created) {
}
