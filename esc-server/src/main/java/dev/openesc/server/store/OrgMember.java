package dev.openesc.server.store;

import java.time.Instant;

/** A member of an organization with the user's names, as the member listing shows it. */
public record OrgMember(String login, String name, String email, Role role, Instant joined) {
}
