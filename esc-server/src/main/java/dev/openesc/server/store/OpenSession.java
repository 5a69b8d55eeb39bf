package dev.openesc.server.store;

import java.time.Instant;

/**
 * An opened environment. {@code project}/{@code environment}/{@code revision} are null for an
 * anonymous definition opened through {@code .../yaml/open}.
 */
public record OpenSession(String id, String org, String project, String environment, Long revision,
                          String openedBy, Instant created, Instant expires) {

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expires);
    }
}
