package dev.openesc.api;

import java.time.Instant;
import java.util.Objects;

/**
 * A user to create straight into an organization ({@link EscService#createUser}).
 *
 * @param name             display name; the login when null or blank
 * @param email            null when unknown
 * @param role             the role in the organization the user is created in
 * @param tokenDescription when not null, a first access token with this description is issued with the user,
 *                         so that they can log in; null for none
 * @param tokenExpires     when that token stops working, null for never
 */
public record NewUser(String login, String name, String email, OrgRole role, String tokenDescription,
                      Instant tokenExpires) {

    public NewUser {
        Objects.requireNonNull(role, "role");
    }
}
