package dev.openesc.server.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * A table of named tags on environments, one row per (env_id, name): what environment tags and revision
 * tags have in common. Both kinds are listed by name a page at a time, found and deleted by name, and
 * inserted against that unique key; what a tag holds and how it may change stay with each kind.
 *
 * @param table       {@code environment_tags} or {@code revision_tags}
 * @param valueColumn the column that holds what the tag says ({@code value}, {@code revision})
 * @param mapper      a row of {@link #columns()} to a tag
 * @param nameOf      a tag's name, which is also its listing's continuation token
 * @param noun        how messages name one tag of this kind ({@code tag}, {@code revision tag})
 */
record TagTable<T>(String table, String valueColumn, Sql.RowMapper<T> mapper, Function<T, String> nameOf,
                   String noun) {

    /** The columns {@link #mapper} reads, in the order {@link #insertRow} writes them after {@code env_id}. */
    String columns() {
        return "name, " + valueColumn + ", created_at, modified_at, editor_login, editor_name";
    }

    /** Tags sorted by name; {@code after} is an exclusive name (null or empty from the start). */
    Page<T> list(Database db, EnvironmentId id, String after, int count) {
        int size = EnvironmentRows.pageSize(count, EnvironmentStore.DEFAULT_PAGE, EnvironmentStore.MAX_PAGE);
        List<T> rows = db.read(connection -> {
            EnvironmentInfo env = EnvironmentRows.require(connection, id);
            return Sql.list(connection,
                    "SELECT " + columns() + " FROM " + table + " WHERE env_id = ? AND name > ? ORDER BY name LIMIT "
                            + (size + 1),
                    mapper, env.storeId(), after == null ? "" : after);
        });
        return Page.ofProbe(rows, size, nameOf);
    }

    T get(Database db, EnvironmentId id, String name) {
        return db.read(connection -> find(connection, EnvironmentRows.require(connection, id), name));
    }

    T find(Connection connection, EnvironmentInfo env, String name) throws SQLException {
        return Sql.first(connection, "SELECT " + columns() + " FROM " + table + " WHERE env_id = ? AND name = ?",
                mapper, env.storeId(), name).orElseThrow(() -> notFound(env.id(), name));
    }

    /** Inserts a tag the caller asked for: Conflict when the environment already has one of that name. */
    void insert(Connection connection, EnvironmentInfo env, String name, Object value, Instant created,
                Instant modified, Editor editor) throws SQLException {
        try {
            insertRow(connection, env.storeId(), name, value, created, modified, editor);
        } catch (SQLException e) {
            if (Database.isUniqueViolation(e)) {
                throw new StoreException.Conflict(noun + " " + name + " of " + env.id() + " already exists", e);
            }
            throw e;
        }
    }

    /** The bare insert, for rows the store writes itself and a unique violation is a bug, not a conflict. */
    void insertRow(Connection connection, String storeId, String name, Object value, Instant created,
                   Instant modified, Editor editor) throws SQLException {
        Sql.update(connection, "INSERT INTO " + table + " (env_id, " + columns() + ") VALUES (?, ?, ?, ?, ?, ?, ?)",
                storeId, name, value, created, modified, editor.login(), editor.name());
    }

    /** Deletes a tag and audits it under {@code action}; NotFound when there is none of that name. */
    void delete(Database db, EnvironmentId id, String name, Editor editor, AuditAction action) {
        db.transaction(connection -> {
            EnvironmentInfo env = EnvironmentRows.require(connection, id);
            if (deleteRow(connection, env, name) == 0) {
                throw notFound(id, name);
            }
            EnvironmentRows.audit(connection, editor, action, id, null, "delete " + name, db.now());
            return null;
        });
    }

    /** Removes a tag's row without auditing it: for callers that audit the change the removal is part of. */
    int deleteRow(Connection connection, EnvironmentInfo env, String name) throws SQLException {
        return Sql.update(connection, "DELETE FROM " + table + " WHERE env_id = ? AND name = ?", env.storeId(), name);
    }

    StoreException.NotFound notFound(EnvironmentId id, String name) {
        return new StoreException.NotFound(noun + " " + name + " of " + id + " not found");
    }
}
