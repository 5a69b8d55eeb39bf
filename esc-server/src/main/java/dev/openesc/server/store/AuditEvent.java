package dev.openesc.server.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of the audit log: who did what, to which environment and revision, when and from where.
 *
 * @param id       assigned by the log, increasing; 0 for an event not yet appended
 * @param org      null for events outside any organization
 * @param source   the client's address as the server saw it, null if unknown
 * @param detail   free text with no secret in it (a tag name, a token id)
 */
public record AuditEvent(long id, Instant at, String actor, AuditAction action, String org, String project,
                         String environment, Long revision, String source, String detail) {

    public AuditEvent {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
    }

    /** An event about an environment, to be stamped with the log's clock when appended. */
    public static AuditEvent of(String actor, AuditAction action, EnvironmentId environment, Long revision,
                                String source, String detail) {
        return new AuditEvent(0, null, actor, action, environment.org(), environment.project(), environment.name(),
                revision, source, detail);
    }

    /** An event not about an environment. */
    public static AuditEvent of(String actor, AuditAction action, String org, String source, String detail) {
        return new AuditEvent(0, null, actor, action, org, null, null, null, source, detail);
    }
}
