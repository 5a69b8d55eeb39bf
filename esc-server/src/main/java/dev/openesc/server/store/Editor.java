package dev.openesc.server.store;

import java.util.Objects;

/**
 * Who makes a change, as recorded with revisions and tags (the API shows both login and display name)
 * and in the audit line the store writes with every change.
 *
 * @param source the client's address as the server saw it, or null if unknown
 */
public record Editor(String login, String name, String source) {

    public Editor {
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(name, "name");
    }

    public Editor(String login, String name) {
        this(login, name, null);
    }
}
