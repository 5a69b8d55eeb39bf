package dev.openesc.server.store;

import java.util.Optional;

/**
 * What one statement tells about an environment as a user sees it: the user's role in its organization
 * (empty: no member) and its head revision (empty: missing, retracted, or not read because not a member).
 */
public record MemberView(Optional<Role> role, Optional<Revision> head) {
}
