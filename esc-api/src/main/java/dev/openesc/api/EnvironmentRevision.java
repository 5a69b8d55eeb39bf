package dev.openesc.api;

import java.time.Instant;
import java.util.List;

/** A revision as {@code GET .../versions} lists it, with the names of the revision tags pointing at it. */
public record EnvironmentRevision(long number, Instant created, String creatorLogin, String creatorName,
                                  List<String> tags) {

    public EnvironmentRevision {
        tags = List.copyOf(tags);
    }
}
