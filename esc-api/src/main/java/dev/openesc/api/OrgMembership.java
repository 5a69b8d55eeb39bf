package dev.openesc.api;

import java.util.Objects;

/** One organization a user belongs to, and the user's role there. */
public record OrgMembership(String organization, OrgRole role) {

    public OrgMembership {
        Objects.requireNonNull(organization, "organization");
        Objects.requireNonNull(role, "role");
    }
}
