package dev.openesc.api;

import java.util.List;
import java.util.Objects;

/**
 * The calling user, as {@code GET /api/user} shows it ({@code githubLogin} is the login).
 *
 * @param email null when unknown
 */
public record UserInfo(String login, String name, String email, List<OrgMembership> organizations) {

    public UserInfo {
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(name, "name");
        organizations = List.copyOf(organizations);
    }
}
