package dev.openesc.server.store;

import java.time.Instant;

/**
 * Which audit events a listing returns; every part may be null (no restriction).
 *
 * @param since  events at or after this instant
 * @param until  events before this instant
 * @param action events of this kind only
 */
public record AuditFilter(Instant since, Instant until, AuditAction action) {

    public static AuditFilter none() {
        return new AuditFilter(null, null, null);
    }
}
