package dev.openesc.server.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** Finds the row of an environment by its name; shared by the environment, revision-tag and tag stores. */
final class EnvironmentRows {

    private EnvironmentRows() {
    }

    static final String COLUMNS = "id, org_name, project, name, head_revision, created_at, modified_at";

    private static final String BY_NAME =
            "SELECT " + COLUMNS + " FROM environments WHERE org_name = ? AND project = ? AND name = ?";

    /**
     * An environment's row, mapped. A class rather than a method reference, and no {@code orElseThrow} lambda
     * below: every CLI command on an environment reads it at start, and each lambda is linked by a bootstrap of
     * its own the first time it runs (docs/decisions.md 25).
     */
    static final Sql.RowMapper<EnvironmentInfo> ROW = new Row();

    private static final class Row implements Sql.RowMapper<EnvironmentInfo> {
        @Override
        public EnvironmentInfo map(ResultSet row) throws SQLException {
            return new EnvironmentInfo(
                    new EnvironmentId(row.getString("org_name"), row.getString("project"), row.getString("name")),
                    row.getString("id"),
                    row.getLong("head_revision"),
                    Sql.instant(row, "created_at"),
                    Sql.instant(row, "modified_at"));
        }
    }

    static EnvironmentInfo require(Connection connection, EnvironmentId id) throws SQLException {
        return found(Sql.first(connection, BY_NAME, ROW, id.org(), id.project(), id.name()), id);
    }

    /** The same on a connection of its own. */
    static EnvironmentInfo require(Database db, EnvironmentId id) {
        return found(db.first(BY_NAME, ROW, id.org(), id.project(), id.name()), id);
    }

    private static EnvironmentInfo found(Optional<EnvironmentInfo> row, EnvironmentId id) {
        if (row.isEmpty()) {
            throw notFound(id);
        }
        return row.get();
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
