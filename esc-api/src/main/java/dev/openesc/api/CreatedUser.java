package dev.openesc.api;

import java.util.Objects;
import java.util.Optional;

/**
 * A user just created, as a member of the organization they were created in, with their first access token
 * when one was asked for (its secret shown here once; {@link NewAccessToken#toString()} hides it).
 *
 * @param firstToken null when none was asked for
 */
public record CreatedUser(OrgMember member, NewAccessToken firstToken) {

    public CreatedUser {
        Objects.requireNonNull(member, "member");
    }

    public Optional<NewAccessToken> token() {
        return Optional.ofNullable(firstToken);
    }
}
