package dev.openesc.server.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

/** Finds the row of an environment by its name; shared by the environment, revision-tag and tag stores. */
final class EnvironmentRows {

    private EnvironmentRows() {
    }

    static final String COLUMNS = "id, org_name, project, name, head_revision, created_at, modified_at";

    static EnvironmentInfo require(Connection connection, EnvironmentId id) throws SQLException {
        return Sql.first(connection,
                        "SELECT " + COLUMNS + " FROM environments WHERE org_name = ? AND project = ? AND name = ?",
                        EnvironmentRows::map, id.org(), id.project(), id.name())
                .orElseThrow(() -> notFound(id));
    }

    static EnvironmentInfo map(java.sql.ResultSet row) throws SQLException {
        return new EnvironmentInfo(
                new EnvironmentId(row.getString("org_name"), row.getString("project"), row.getString("name")),
                row.getString("id"),
                row.getLong("head_revision"),
                Sql.instant(row, "created_at"),
                Sql.instant(row, "modified_at"));
    }

    /** Appends the audit line of a change inside the change's own transaction: both commit or neither. */
    static void audit(Connection connection, Editor editor, AuditAction action, EnvironmentId id, Long revision,
                      String detail, Instant now) throws SQLException {
        AuditLog.append(connection, AuditEvent.of(editor.login(), action, id, revision, editor.source(), detail), now);
    }

    static StoreException.NotFound notFound(EnvironmentId id) {
        return new StoreException.NotFound("environment " + id + " not found");
    }

    static void requireOrganization(Connection connection, String org) throws SQLException {
        if (Sql.count(connection, "SELECT COUNT(*) FROM orgs WHERE name = ?", org) == 0) {
            throw new StoreException.NotFound("organization " + org + " not found");
        }
    }

    /** Clamps a requested page size: absent or non-positive means the default, and there is a ceiling. */
    static int pageSize(int requested, int defaultSize, int maxSize) {
        if (requested <= 0) {
            return defaultSize;
        }
        return Math.min(requested, maxSize);
    }
}
