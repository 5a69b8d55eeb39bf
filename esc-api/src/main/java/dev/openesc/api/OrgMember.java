package dev.openesc.api;

import java.time.Instant;
import java.util.Objects;

/**
 * A member of an organization, as an admin lists them.
 *
 * @param email  null when unknown
 * @param joined when the user became a member
 */
public record OrgMember(String login, String name, String email, OrgRole role, Instant joined) {

    public OrgMember {
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(role, "role");
    }
}
