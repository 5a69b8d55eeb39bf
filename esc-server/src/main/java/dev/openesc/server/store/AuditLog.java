package dev.openesc.server.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** The append-only audit log. Nothing here updates or deletes an event. */
public final class AuditLog {

    private final Database db;

    public AuditLog(Database db) {
        this.db = db;
    }

    /** Appends the event, stamped now (the event's own {@code at} and {@code id} are ignored). */
    public void append(AuditEvent event) {
        db.transaction(connection -> {
            append(connection, event, db.now());
            return null;
        });
    }

    /** Appends inside a caller's transaction, so that a write and its audit line commit together. */
    public static void append(Connection connection, AuditEvent event, Instant at) throws SQLException {
        Sql.update(connection, INSERT, row(event, at));
    }

    /** Appends the event stamped {@code at} in a statement of its own ({@link Database#update}). */
    static void append(Database db, AuditEvent event, Instant at) {
        db.update(INSERT, row(event, at));
    }

    private static final String INSERT =
            "INSERT INTO audit_events (at, actor, org_name, action, project, env_name, revision, source, detail)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private static Object[] row(AuditEvent event, Instant at) {
        return new Object[] {at, event.actor(), Sql.text(event.org()), event.action().name(),
            Sql.text(event.project()), Sql.text(event.environment()), Sql.number(event.revision()),
            Sql.text(event.source()), Sql.text(event.detail())};
    }

    /**
     * Appends the event once to the log of each organization {@code login} belongs to, in one statement (the
     * event's own {@code org} is ignored). For what belongs to a user rather than an organization, such as the
     * use of their access token: each of their organizations' admins sees it. Nothing is written for a user
     * of no organization.
     */
    public void appendToMemberships(AuditEvent event, String login) {
        db.transaction(connection -> Sql.update(connection,
                "INSERT INTO audit_events (at, actor, org_name, action, project, env_name, revision, source, detail)"
                        + " SELECT ?, ?, org_name, ?, ?, ?, ?, ?, ? FROM memberships WHERE user_login = ?",
                db.now(), event.actor(), event.action().name(), Sql.text(event.project()),
                Sql.text(event.environment()), Sql.number(event.revision()), Sql.text(event.source()),
                Sql.text(event.detail()), login));
    }

    /**
     * The org's events, newest first.
     *
     * @param before a page's {@code nextToken} (an event id, exclusive), or null/empty for the newest
     */
    public Page<AuditEvent> list(String org, String before, int count) {
        return list(org, AuditFilter.none(), before, count);
    }

    /** Like {@link #list(String, String, int)}, only the events the filter lets through. */
    public Page<AuditEvent> list(String org, AuditFilter filter, String before, int count) {
        int size = EnvironmentRows.pageSize(count, 100, 1000);
        long below;
        try {
            below = before == null || before.isEmpty() ? Long.MAX_VALUE : Long.parseLong(before);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid audit page token", e);
        }
        StringBuilder where = new StringBuilder(" WHERE org_name = ? AND id < ?");
        java.util.List<Object> params = new java.util.ArrayList<>(List.of(org, below));
        if (filter.since() != null) {
            where.append(" AND at >= ?");
            params.add(filter.since());
        }
        if (filter.until() != null) {
            where.append(" AND at < ?");
            params.add(filter.until());
        }
        if (filter.action() != null) {
            where.append(" AND action = ?");
            params.add(filter.action().name());
        }
        List<AuditEvent> rows = db.read(connection -> Sql.list(connection,
                "SELECT id, at, actor, org_name, action, project, env_name, revision, source, detail FROM audit_events"
                        + where + " ORDER BY id DESC LIMIT " + (size + 1),
                row -> new AuditEvent(row.getLong("id"), Sql.instant(row, "at"), row.getString("actor"),
                        AuditAction.valueOf(row.getString("action")), row.getString("org_name"),
                        row.getString("project"), row.getString("env_name"), Sql.nullableLong(row, "revision"),
                        row.getString("source"), row.getString("detail")),
                params.toArray()));
        return Page.ofProbe(rows, size, event -> Long.toString(event.id()));
    }
}
