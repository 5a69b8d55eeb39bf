package dev.openesc.api;

import java.time.Instant;

/**
 * How a revision was retracted ({@code retracted} of {@code GET .../versions}).
 *
 * @param replacement the revision its tags moved to
 * @param reason      why, or null
 */
public record RevisionRetraction(long replacement, Instant at, String byLogin, String byName, String reason) {
}
