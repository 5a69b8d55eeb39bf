package dev.openesc.server.store;

import java.util.Objects;

/** Who made a change, as recorded with revisions and tags (the API shows both login and display name). */
public record Editor(String login, String name) {

    public Editor {
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(name, "name");
    }
}
