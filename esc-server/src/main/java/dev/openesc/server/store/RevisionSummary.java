package dev.openesc.server.store;

import java.time.Instant;
import java.util.List;

/** A revision as listed by {@code GET .../versions}: without its definition, with its tag names. */
public record RevisionSummary(long number, Instant created, String creatorLogin, String creatorName,
                              List<String> tags) {

    public RevisionSummary {
        tags = List.copyOf(tags);
    }
}
