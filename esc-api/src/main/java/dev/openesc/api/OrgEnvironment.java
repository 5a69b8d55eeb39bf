package dev.openesc.api;

import java.time.Instant;
import java.util.Objects;

/** An environment as listed ({@code GET /api/esc/environments/{org}}). */
public record OrgEnvironment(EnvironmentRef environment, Instant created, Instant modified) {

    public OrgEnvironment {
        Objects.requireNonNull(environment, "environment");
    }

    public String organization() {
        return environment.org();
    }

    public String project() {
        return environment.project();
    }

    public String name() {
        return environment.name();
    }
}
