package dev.openesc.server.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * Named revisions of an environment. {@code latest} is kept by the store itself (moved by every
 * update) and cannot be created, moved or deleted through here.
 */
public final class RevisionTags {

    private static final String COLUMNS = "name, revision, created_at, modified_at, editor_login, editor_name";

    private final Database db;

    RevisionTags(Database db) {
        this.db = db;
    }

    /** Tags sorted by name; {@code after} is an exclusive name (null or empty from the start). */
    public Page<RevisionTag> list(EnvironmentId id, String after, int count) {
        int size = EnvironmentRows.pageSize(count, EnvironmentStore.DEFAULT_PAGE, EnvironmentStore.MAX_PAGE);
        List<RevisionTag> rows = db.read(connection -> {
            EnvironmentInfo env = EnvironmentRows.require(connection, id);
            return Sql.list(connection,
                    "SELECT " + COLUMNS + " FROM revision_tags WHERE env_id = ? AND name > ? ORDER BY name LIMIT "
                            + (size + 1),
                    RevisionTags::map, env.storeId(), after == null ? "" : after);
        });
        return Page.ofProbe(rows, size, RevisionTag::name);
    }

    public RevisionTag get(EnvironmentId id, String name) {
        return db.read(connection -> find(connection, EnvironmentRows.require(connection, id), name));
    }

    /** Tags a revision (null: the latest). Conflict if the tag exists; NotFound if the revision does not. */
    public RevisionTag create(EnvironmentId id, String name, Long revision, Editor editor) {
        refuseLatest(name);
        return db.transaction(connection -> {
            EnvironmentInfo env = EnvironmentRows.require(connection, id);
            long target = revision == null ? env.headRevision() : requireRevision(connection, env, revision);
            Instant now = db.now();
            try {
                Sql.update(connection, "INSERT INTO revision_tags (env_id, " + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)",
                        env.storeId(), name, target, now, now, editor.login(), editor.name());
            } catch (SQLException e) {
                if (Database.isUniqueViolation(e)) {
                    throw new StoreException.Conflict("revision tag " + name + " of " + id + " already exists", e);
                }
                throw e;
            }
            EnvironmentRows.audit(connection, editor, AuditAction.REVISION_TAG_WRITE, id, target, "create " + name, now);
            return new RevisionTag(name, target, now, now, editor.login(), editor.name());
        });
    }

    /** Points an existing tag at another revision. */
    public RevisionTag update(EnvironmentId id, String name, long revision, Editor editor) {
        refuseLatest(name);
        return db.transaction(connection -> {
            EnvironmentInfo env = EnvironmentRows.require(connection, id);
            requireRevision(connection, env, revision);
            RevisionTag current = find(connection, env, name);
            Instant now = db.now();
            Sql.update(connection,
                    "UPDATE revision_tags SET revision = ?, modified_at = ?, editor_login = ?, editor_name = ?"
                            + " WHERE env_id = ? AND name = ?",
                    revision, now, editor.login(), editor.name(), env.storeId(), name);
            EnvironmentRows.audit(connection, editor, AuditAction.REVISION_TAG_WRITE, id, revision, "update " + name, now);
            return new RevisionTag(name, revision, current.created(), now, editor.login(), editor.name());
        });
    }

    public void delete(EnvironmentId id, String name, Editor editor) {
        refuseLatest(name);
        db.transaction(connection -> {
            EnvironmentInfo env = EnvironmentRows.require(connection, id);
            if (Sql.update(connection, "DELETE FROM revision_tags WHERE env_id = ? AND name = ?",
                    env.storeId(), name) == 0) {
                throw notFound(id, name);
            }
            EnvironmentRows.audit(connection, editor, AuditAction.REVISION_TAG_WRITE, id, null, "delete " + name,
                    db.now());
            return null;
        });
    }

    static void upsertLatest(Connection connection, String storeId, long revision, Instant now, Editor editor)
            throws SQLException {
        int moved = Sql.update(connection,
                "UPDATE revision_tags SET revision = ?, modified_at = ?, editor_login = ?, editor_name = ?"
                        + " WHERE env_id = ? AND name = ?",
                revision, now, editor.login(), editor.name(), storeId, RevisionTag.LATEST);
        if (moved == 0) {
            Sql.update(connection, "INSERT INTO revision_tags (env_id, " + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)",
                    storeId, RevisionTag.LATEST, revision, now, now, editor.login(), editor.name());
        }
    }

    private static RevisionTag find(Connection connection, EnvironmentInfo env, String name) throws SQLException {
        return Sql.first(connection, "SELECT " + COLUMNS + " FROM revision_tags WHERE env_id = ? AND name = ?",
                RevisionTags::map, env.storeId(), name).orElseThrow(() -> notFound(env.id(), name));
    }

    private static long requireRevision(Connection connection, EnvironmentInfo env, long revision)
            throws SQLException {
        if (revision < 1 || revision > env.headRevision()) {
            throw new StoreException.NotFound("revision " + revision + " of " + env.id() + " not found");
        }
        RevisionRetractions.requireNotRetracted(connection, env, revision);
        return revision;
    }

    private static void refuseLatest(String name) {
        if (RevisionTag.LATEST.equals(name)) {
            throw new StoreException.Conflict("the latest tag is maintained by the server");
        }
    }

    private static StoreException.NotFound notFound(EnvironmentId id, String name) {
        return new StoreException.NotFound("revision tag " + name + " of " + id + " not found");
    }

    private static RevisionTag map(ResultSet row) throws SQLException {
        return new RevisionTag(row.getString("name"), row.getLong("revision"), Sql.instant(row, "created_at"),
                Sql.instant(row, "modified_at"), row.getString("editor_login"), row.getString("editor_name"));
    }
}
