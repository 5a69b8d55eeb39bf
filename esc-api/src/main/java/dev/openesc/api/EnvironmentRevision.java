package dev.openesc.api;

import java.time.Instant;
import java.util.List;

/**
 * A revision as {@code GET .../versions} lists it, with the names of the revision tags pointing at it.
 *
 * @param retracted how it was retracted, or null if it can still be read
 */
public record EnvironmentRevision(long number, Instant created, String creatorLogin, String creatorName,
                                  List<String> tags, RevisionRetraction retracted) {

    public EnvironmentRevision {
        tags = List.copyOf(tags);
    }

    /** A revision that is not retracted. */
    public EnvironmentRevision(long number, Instant created, String creatorLogin, String creatorName,
                               List<String> tags) {
        this(number, created, creatorLogin, creatorName, tags, null);
    }
}
