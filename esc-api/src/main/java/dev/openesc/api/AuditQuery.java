package dev.openesc.api;

import java.time.Instant;

/**
 * Which audit events to list and where to continue; every field may be null.
 *
 * @param since             events at or after this instant
 * @param until             events before this instant
 * @param action            events of this kind only ({@link AuditEntry#action()})
 * @param continuationToken a previous page's {@code nextToken}
 * @param count             the page size (default 100, at most 1,000)
 */
public record AuditQuery(Instant since, Instant until, String action, String continuationToken, Integer count) {

    public static AuditQuery newest() {
        return new AuditQuery(null, null, null, null, null);
    }
}
