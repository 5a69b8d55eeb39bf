package dev.openesc.server.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** Name/value labels on environments ({@code .../tags}), sorted and paginated by name. */
public final class EnvironmentTags {

    private static final String COLUMNS = "name, value, created_at, modified_at, editor_login, editor_name";

    private final Database db;

    EnvironmentTags(Database db) {
        this.db = db;
    }

    /** Tags sorted by name; {@code after} is an exclusive name (null or empty from the start). */
    public Page<EnvironmentTag> list(EnvironmentId id, String after, int count) {
        int size = EnvironmentRows.pageSize(count, EnvironmentStore.DEFAULT_PAGE, EnvironmentStore.MAX_PAGE);
        List<EnvironmentTag> rows = db.read(connection -> {
            EnvironmentInfo env = EnvironmentRows.require(connection, id);
            return Sql.list(connection,
                    "SELECT " + COLUMNS + " FROM environment_tags WHERE env_id = ? AND name > ? ORDER BY name LIMIT "
                            + (size + 1),
                    EnvironmentTags::map, env.storeId(), after == null ? "" : after);
        });
        return Page.ofProbe(rows, size, EnvironmentTag::name);
    }

    public EnvironmentTag get(EnvironmentId id, String name) {
        return db.read(connection -> find(connection, EnvironmentRows.require(connection, id), name));
    }

    /** Conflict if a tag of that name exists. */
    public EnvironmentTag create(EnvironmentId id, String name, String value, Editor editor) {
        return db.transaction(connection -> {
            EnvironmentInfo env = EnvironmentRows.require(connection, id);
            Instant now = db.now();
            insert(connection, env, name, value, now, now, editor);
            EnvironmentRows.audit(connection, editor, AuditAction.ENVIRONMENT_TAG_WRITE, id, null, "create " + name, now);
            return new EnvironmentTag(name, value, now, now, editor.login(), editor.name());
        });
    }

    /**
     * Renames and/or changes a tag. {@code expectedValue}, when not null, must be the tag's current
     * value (the API's {@code currentTag}), else Conflict: a read-modify-write guard like revisions have.
     */
    public EnvironmentTag update(EnvironmentId id, String name, String expectedValue, String newName,
                                 String newValue, Editor editor) {
        return db.transaction(connection -> {
            EnvironmentInfo env = EnvironmentRows.require(connection, id);
            EnvironmentTag current = find(connection, env, name);
            if (expectedValue != null && !expectedValue.equals(current.value())) {
                throw new StoreException.Conflict("tag " + name + " of " + id + " has changed");
            }
            Instant now = db.now();
            Sql.update(connection, "DELETE FROM environment_tags WHERE env_id = ? AND name = ?", env.storeId(), name);
            insert(connection, env, newName, newValue, current.created(), now, editor);
            EnvironmentRows.audit(connection, editor, AuditAction.ENVIRONMENT_TAG_WRITE, id, null,
                    "update " + name + (name.equals(newName) ? "" : " to " + newName), now);
            return new EnvironmentTag(newName, newValue, current.created(), now, editor.login(), editor.name());
        });
    }

    public void delete(EnvironmentId id, String name, Editor editor) {
        db.transaction(connection -> {
            EnvironmentInfo env = EnvironmentRows.require(connection, id);
            if (Sql.update(connection, "DELETE FROM environment_tags WHERE env_id = ? AND name = ?",
                    env.storeId(), name) == 0) {
                throw notFound(id, name);
            }
            EnvironmentRows.audit(connection, editor, AuditAction.ENVIRONMENT_TAG_WRITE, id, null, "delete " + name,
                    db.now());
            return null;
        });
    }

    private static void insert(Connection connection, EnvironmentInfo env, String name, String value,
                               Instant created, Instant modified, Editor editor) throws SQLException {
        try {
            Sql.update(connection, "INSERT INTO environment_tags (env_id, " + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)",
                    env.storeId(), name, value, created, modified, editor.login(), editor.name());
        } catch (SQLException e) {
            if (Database.isUniqueViolation(e)) {
                throw new StoreException.Conflict("tag " + name + " of " + env.id() + " already exists", e);
            }
            throw e;
        }
    }

    private static EnvironmentTag find(Connection connection, EnvironmentInfo env, String name) throws SQLException {
        return Sql.first(connection, "SELECT " + COLUMNS + " FROM environment_tags WHERE env_id = ? AND name = ?",
                EnvironmentTags::map, env.storeId(), name).orElseThrow(() -> notFound(env.id(), name));
    }

    private static StoreException.NotFound notFound(EnvironmentId id, String name) {
        return new StoreException.NotFound("tag " + name + " of " + id + " not found");
    }

    private static EnvironmentTag map(ResultSet row) throws SQLException {
        return new EnvironmentTag(row.getString("name"), row.getString("value"), Sql.instant(row, "created_at"),
                Sql.instant(row, "modified_at"), row.getString("editor_login"), row.getString("editor_name"));
    }
}
