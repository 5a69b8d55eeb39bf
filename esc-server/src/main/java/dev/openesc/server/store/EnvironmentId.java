package dev.openesc.server.store;

import java.util.Objects;

/** An environment's full name. Names are checked against the API's patterns before they reach the store. */
public record EnvironmentId(String org, String project, String name) {

    public EnvironmentId {
        Objects.requireNonNull(org, "org");
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(name, "name");
    }

    @Override
    public String toString() {
        return org + "/" + project + "/" + name;
    }
}
