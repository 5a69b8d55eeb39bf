package dev.openesc.api;

import java.time.Instant;

/**
 * One event of an organization's audit log: who did what, to which environment and revision, when and from
 * where. {@code project}, {@code environment}, {@code revision}, {@code source} and {@code detail} are null
 * when they do not apply.
 *
 * @param id     increasing with time within a server's log
 * @param action what happened, e.g. {@code ENVIRONMENT_OPEN} (the names of the audit actions)
 * @param detail free text without secrets, such as a tag name or a member's new role
 */
public record AuditEntry(long id, Instant at, String actor, String action, String project, String environment,
                         Long revision, String source, String detail) {
}
