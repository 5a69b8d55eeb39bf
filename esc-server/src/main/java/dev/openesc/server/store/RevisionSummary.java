package dev.openesc.server.store;

import java.time.Instant;
import java.util.List;

/**
 * A revision as listed by {@code GET .../versions}: without its definition, with its tag names.
 *
 * @param retraction how it was retracted, or null if it was not
 */
public record RevisionSummary(long number, Instant created, String creatorLogin, String creatorName,
                              List<String> tags, Retraction retraction) {

    public RevisionSummary {
        tags = List.copyOf(tags);
    }

    public RevisionSummary(long number, Instant created, String creatorLogin, String creatorName, List<String> tags) {
        this(number, created, creatorLogin, creatorName, tags, null);
    }
}
